/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { generateQuestion } from '@/lib/scenarios';
import { InterviewerTwist } from '@/app/interview/_components/interviewer-twist';
import { resetLearnerStoreForTests } from '@/app/_components/learner/learner-store';
import { storedRecord } from '../../support/learner-storage';

const seeds = ['twist-a', 'twist-b'];
let next = 0;
jest.mock('@/lib/scenarios/random', () => ({
  ...jest.requireActual('@/lib/scenarios/random'),
  randomSeed: () => seeds[next++ % seeds.length],
}));

const TWIST = { kind: 'health-check' as const, difficulty: 'intro' as const, lead: 'Here is a generated cluster. What does the node answer?' };

// The twist's code (grader, question view) loads on demand (issue 18); load it once here, so that a test's click
// does not pay for compiling it within that test's time limit.
beforeAll(() => Promise.all([import('@/lib/grading'), import('@/app/_components/question')]), 60_000);

beforeEach(() => {
  next = 0;
  localStorage.clear();
  resetLearnerStoreForTests();
});

describe('InterviewerTwist', () => {
  it('asks a generated question, grades it with the engine and reviews the linked concept', async () => {
    const user = userEvent.setup();
    render(<InterviewerTwist twist={TWIST} cardConcepts={['health-check-node-port']} />);
    expect(screen.getByText(/Here is a generated cluster/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Take the twist' }));

    const q = generateQuestion({ kind: 'health-check', difficulty: 'intro', seed: 'twist-a' });
    // The twist's code loads on demand (issue 18), so the question appears after that import.
    expect(await screen.findByRole('heading', { name: q.title })).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Your answer' });
    for (const field of q.response.fields) {
      const expected = q.key.fields.find((k) => k.field === field.name)!.expected;
      if (field.type === 'choice') {
        const radios = within(within(form).getByRole('group', { name: field.label })).getAllByRole('radio') as HTMLInputElement[];
        await user.click(radios.find((r) => r.value === expected)!);
      } else {
        await user.type(within(form).getByRole('textbox', { name: field.label }), expected);
      }
    }
    await user.click(within(form).getByRole('button', { name: 'Submit answer' }));
    expect(screen.getByRole('heading', { name: 'Correct' })).toBeInTheDocument();

    const history = storedRecord().history;
    expect(history).toEqual([
      expect.objectContaining({ type: 'concept', id: 'health-check-node-port', rating: 'good', score: 1, seed: 'twist-a', kind: 'health-check' }),
    ]);
  });

  it('draws a new cluster for another twist', async () => {
    const user = userEvent.setup();
    render(<InterviewerTwist twist={TWIST} cardConcepts={['health-check-node-port']} />);
    await user.click(screen.getByRole('button', { name: 'Take the twist' }));
    const first = generateQuestion({ kind: 'health-check', difficulty: 'intro', seed: 'twist-a' });
    const second = generateQuestion({ kind: 'health-check', difficulty: 'intro', seed: 'twist-b' });
    expect(await screen.findByRole('heading', { name: first.title })).toBeInTheDocument();
    // Any readable answer (first option of each choice, 1 in each number box) is graded; then ask for another.
    const form = screen.getByRole('form', { name: 'Your answer' });
    for (const group of within(form).queryAllByRole('group')) await user.click(within(group).getAllByRole('radio')[0]!);
    for (const box of within(form).queryAllByRole('textbox')) await user.type(box, '1');
    await user.click(within(form).getByRole('button', { name: 'Submit answer' }));
    await user.click(screen.getByRole('button', { name: 'Another twist (new cluster)' }));
    expect(await screen.findByRole('heading', { name: second.title })).toBeInTheDocument();
  });
});
