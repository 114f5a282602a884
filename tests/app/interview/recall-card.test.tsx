/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RecallCard } from '@/app/interview/_components/recall-card';
import { resetLearnerStoreForTests } from '@/app/_components/learner/learner-store';
import { storedRecord } from '../../support/learner-storage';
import type { ClientCard } from '@/app/interview/_components/client-card';

const CARD: ClientCard = {
  id: 'why-cluster-loses-client-ip',
  question: 'Why does the Cluster policy lose the client source IP?',
  keyPoints: [
    { id: 'masquerade', text: 'kube-proxy masquerades the packet.' },
    { id: 'return-path', text: 'SNAT makes the reply come back through the receiving node.' },
    { id: 'always', text: 'It happens for every external packet, not only cross-node ones.' },
    { id: 'what-pod-sees', text: 'The Pod sees a node or bridge address.' },
  ],
  concepts: ['snat-under-cluster'],
  twist: null,
};

function setup(props: Partial<React.ComponentProps<typeof RecallCard>> = {}) {
  const user = userEvent.setup();
  const onRated = jest.fn();
  render(<RecallCard card={CARD} modelAnswer={<p>Because of SNAT on the return path.</p>} notes={<p>Pitfalls here</p>} onRated={onRated} {...props} />);
  return { user, onRated };
}

beforeEach(() => {
  localStorage.clear();
  resetLearnerStoreForTests();
});

describe('RecallCard', () => {
  it('hides the model answer until the learner reveals it', async () => {
    const { user } = setup();
    expect(screen.queryByText('Because of SNAT on the return path.')).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /your answer/i }), 'SNAT rewrites the source');
    await user.click(screen.getByRole('button', { name: 'Reveal model answer' }));
    expect(screen.getByText('Because of SNAT on the return path.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Your answer' })).toBeInTheDocument();
    expect(screen.getByText('SNAT rewrites the source')).toBeInTheDocument();
  });

  it('reveals with Ctrl+Enter from the answer box', async () => {
    const { user } = setup();
    await user.type(screen.getByRole('textbox', { name: /your answer/i }), 'masquerade{Control>}{Enter}{/Control}');
    expect(screen.getByRole('heading', { name: 'Model answer' })).toBeInTheDocument();
  });

  it('counts the key points ticked', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Reveal model answer' }));
    const group = screen.getByRole('group', { name: /key points/i });
    await user.click(within(group).getByRole('checkbox', { name: 'kube-proxy masquerades the packet.' }));
    await user.click(within(group).getByRole('checkbox', { name: /every external packet/ }));
    expect(within(group).getByText('2 of 4 key points covered')).toBeInTheDocument();
  });

  it.each([
    ['1', 'again'],
    ['2', 'hard'],
    ['3', 'good'],
    ['4', 'easy'],
  ])('key %s rates the card %s and schedules it in localStorage', async (key, rating) => {
    const { user, onRated } = setup();
    await user.click(screen.getByRole('button', { name: 'Reveal model answer' }));
    await user.click(screen.getByRole('checkbox', { name: 'kube-proxy masquerades the packet.' }));
    await user.keyboard(key);
    expect(onRated).toHaveBeenCalledWith(expect.objectContaining({ cardId: CARD.id, rating, covered: ['masquerade'] }));
    const stored = storedRecord();
    expect(stored.cards[CARD.id]?.schedule.reps).toBe(1);
    expect(stored.history).toEqual([expect.objectContaining({ type: 'card', id: CARD.id, rating, score: 0.25 })]);
    expect(screen.getByRole('status')).toHaveTextContent(/Recorded .*: this card comes back in/);
  });

  it('does not rate while the learner types digits in the answer box', async () => {
    const { user, onRated } = setup();
    await user.type(screen.getByRole('textbox', { name: /your answer/i }), 'port 1234');
    expect(onRated).not.toHaveBeenCalled();
    expect(screen.queryByRole('group', { name: /recall/i })).not.toBeInTheDocument();
  });

  it('rates with the buttons, which show when the card would come back', async () => {
    const { user, onRated } = setup();
    await user.click(screen.getByRole('button', { name: 'Reveal model answer' }));
    const good = screen.getByRole('button', { name: /^Good/ });
    expect(good).toHaveTextContent(/again in \d+ (min|h|days?)/);
    await user.click(good);
    expect(onRated).toHaveBeenCalledWith(expect.objectContaining({ rating: 'good' }));
    expect(screen.queryByRole('button', { name: /^Good/ })).not.toBeInTheDocument();
  });

  it('reveals by itself when the mock interview clock runs out, keeping what was typed', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<RecallCard card={CARD} modelAnswer={<p>Model.</p>} />);
    await user.type(screen.getByRole('textbox', { name: /your answer/i }), 'half an answer');
    rerender(<RecallCard card={CARD} modelAnswer={<p>Model.</p>} forceReveal />);
    expect(screen.getByText('Model.')).toBeInTheDocument();
    expect(screen.getByText('half an answer')).toBeInTheDocument();
  });
});
