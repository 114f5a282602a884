/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PracticeSession } from '@/app/practice/practice-session';
import { resetLearnerStoreForTests } from '@/app/_components/learner/learner-store';
import { storedRecord } from '../../support/learner-storage';
import { generateSession } from '@/lib/scenarios';

const push = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ push }) }));

const SETTINGS = { seed: 'jsdom-session', difficulty: 'intro' as const, count: 2, kinds: ['client-outcome' as const, 'policy-choice' as const], timer: false };

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  resetLearnerStoreForTests();
  push.mockClear();
});

describe('<PracticeSession>', () => {
  it('runs the URL\'s session question by question, records progress, and retries the missed kind with a fresh seed', async () => {
    const qs = generateSession(SETTINGS);
    const user = userEvent.setup();
    render(<PracticeSession settings={SETTINGS} />);
    expect(screen.getByText('0 of 2 answered')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: '0 of 2 answered' })).toHaveAttribute('value', '0');

    for (const [i, q] of qs.entries()) {
      expect(screen.getByRole('heading', { level: 2, name: q.title })).toBeInTheDocument();
      const field = q.response.fields[0];
      if (field?.type !== 'choice') throw new Error('expected a choice');
      const key = q.key.fields[0]?.expected;
      // First right, second wrong.
      const index = field.options.findIndex((o) => (i === 0 ? o.value === key : o.value !== key));
      await user.keyboard(`${index + 1}{Enter}`);
      await screen.findByRole('heading', { level: 3, name: i === 0 ? 'Correct' : /Not right/ });
      await user.keyboard('n');
    }

    expect(await screen.findByRole('heading', { name: 'Session summary' })).toHaveFocus();
    expect(screen.getByText(/1 question missed/)).toBeInTheDocument();
    const stored = storedRecord();
    expect(stored.attempts).toHaveLength(2);
    expect(stored.sessions).toHaveLength(1);
    // Each answer rated its concepts in spaced review: the miss as Again, the right one as Good.
    const missed = qs[1]!.concepts;
    expect(stored.history.filter((h) => h.rating === 'again').map((h) => h.id).sort()).toEqual([...missed].sort());
    expect(stored.history.every((h) => h.source === 'practice')).toBe(true);
    for (const id of missed) {
      const schedule = stored.concepts[id]!.schedule;
      expect(new Date(schedule.due).getTime() - new Date(schedule.lastReview!).getTime()).toBeLessThanOrEqual(10 * 60_000);
    }

    // Retry: exactly the missed question again (its kind and seed), under a new session seed.
    await user.click(screen.getByRole('button', { name: 'Retry the missed ones' }));
    expect(push).toHaveBeenCalledTimes(1);
    const url = new URL(push.mock.calls[0]?.[0] as string, 'http://x');
    expect(url.searchParams.get('q')).toBe(`${qs[1]?.spec.kind}.${qs[1]?.spec.seed}`);
    expect(url.searchParams.get('seed')).not.toBe(SETTINGS.seed);
    // Or new questions of the same kind.
    await user.click(screen.getByRole('button', { name: 'New questions of the missed kinds' }));
    const fresh = new URL(push.mock.calls[1]?.[0] as string, 'http://x');
    expect(fresh.searchParams.get('q')).toBeNull();
    expect(fresh.searchParams.get('kinds')).toBe(qs[1]?.spec.kind);
    expect(fresh.searchParams.get('count')).toBe('1');

    // Repeat: the same questions from the first, and the share link can be copied.
    expect(screen.getByRole('textbox', { name: /Share this session/ })).toHaveValue(`http://localhost/practice?seed=jsdom-session&difficulty=intro&count=2&kinds=client-outcome%2Cpolicy-choice`);
    await user.click(screen.getByRole('button', { name: 'Repeat this session' }));
    expect(screen.getByRole('heading', { level: 2, name: qs[0]?.title })).toBeInTheDocument();
    expect(screen.getByText('Question 1 of 2')).toBeInTheDocument();
  }, 60_000); // two questions with diagrams in jsdom on a shared 2-core machine: allow time, assert none

  it('resumes after a reload at the question the learner was on, without recording any answer twice', async () => {
    const qs = generateSession(SETTINGS);
    const user = userEvent.setup();
    const first = render(<PracticeSession settings={SETTINGS} />);
    const field = qs[0]!.response.fields[0];
    if (field?.type !== 'choice') throw new Error('expected a choice');
    await user.keyboard('1{Enter}');
    await screen.findByRole('heading', { level: 3, name: /Correct|Not right/ });
    await user.keyboard('n');
    await screen.findByRole('heading', { level: 2, name: qs[1]!.title });
    first.unmount(); // the reload

    render(<PracticeSession settings={SETTINGS} />);
    expect(await screen.findByText('Question 2 of 2')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: qs[1]!.title })).toBeInTheDocument();
    expect(screen.getByText('1 of 2 answered')).toBeInTheDocument();
    expect(storedRecord().attempts).toHaveLength(1);
  }, 60_000);

  it('moves focus to the next question’s first input after N', async () => {
    const qs = generateSession(SETTINGS);
    const user = userEvent.setup();
    render(<PracticeSession settings={SETTINGS} />);
    await user.keyboard('1{Enter}');
    await screen.findByRole('heading', { level: 3, name: /Correct|Not right/ });
    await user.keyboard('n');
    await screen.findByRole('heading', { level: 2, name: qs[1]!.title });
    const firstOption = (qs[1]!.response.fields[0] as { options: { label: string }[] }).options[0]!.label;
    expect(document.activeElement).toBe(screen.getAllByRole('radio')[0]);
    expect(screen.getAllByRole('radio')[0]).toHaveAccessibleName(expect.stringContaining(firstOption.split('\n')[0]!.slice(0, 10)));
  }, 60_000);
});
