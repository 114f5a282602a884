/** @jest-environment jsdom */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockInterview, type MockCard } from '@/app/interview/_components/mock-interview';
import { resetLearnerStoreForTests } from '@/app/_components/learner/learner-store';
import { storedRecord } from '../../support/learner-storage';

const TOPICS = ['fundamentals', 'health-check', 'uneven-load', 'proxy-modes', 'api-validation', 'cloud-balancers'] as const;
const CARDS: MockCard[] = TOPICS.map((topic, i) => ({
  id: `card-${i}`,
  topic,
  question: `Question number ${i}?`,
  keyPoints: [
    { id: 'a', text: `Point A of card ${i}` },
    { id: 'b', text: `Point B of card ${i}` },
    { id: 'c', text: `Point C of card ${i}` },
  ],
  concepts: ['policy-trade-offs'],
  modelAnswer: `Model answer ${i}.`,
  pitfalls: ['A pitfall to avoid.'],
  whyAsked: 'Because interviewers like to check this sort of thing.',
  twist: null,
}));

beforeEach(() => {
  jest.useFakeTimers({ now: new Date('2026-03-05T10:00:00Z') });
  localStorage.clear();
  resetLearnerStoreForTests();
});
afterEach(() => jest.useRealTimers());

function currentQuestion(): string {
  return screen.getByRole('heading', { level: 2, name: /^Question number/ }).textContent ?? '';
}

describe('MockInterview', () => {
  it('runs five timed questions and ends with a summary', async () => {
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    render(<MockInterview cards={CARDS} seed="fixed" />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Time per question' }), '2 minutes');
    await user.click(screen.getByRole('button', { name: 'Start the mock interview' }));

    const asked: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      expect(screen.getByText(`Question ${i + 1} of 5`)).toBeInTheDocument();
      asked.push(currentQuestion());
      if (i === 0) {
        // Let the clock run out on the first question: the answer is revealed as an interviewer moves on.
        expect(screen.getByRole('timer', { name: 'Time left' })).toHaveTextContent('2:00');
        await user.type(screen.getByRole('textbox', { name: /your answer/i }), 'partial');
        act(() => jest.advanceTimersByTime(61_000));
        expect(screen.getByText('One minute left.')).toBeInTheDocument();
        act(() => jest.advanceTimersByTime(60_000));
        expect(screen.getByText('Time is up. The model answer is shown.')).toBeInTheDocument();
        expect(screen.getByRole('timer')).toHaveTextContent('0:00');
      } else {
        act(() => jest.advanceTimersByTime(30_000));
        await user.click(screen.getByRole('button', { name: 'Reveal model answer' }));
      }
      const group = screen.getByRole('group', { name: /key points/i });
      await user.click(within(group).getAllByRole('checkbox')[0]!);
      await user.click(screen.getByRole('button', { name: i === 1 ? /^Again/ : /^Good/ }));
      await user.click(screen.getByRole('button', { name: i < 4 ? 'Next question' : 'See the summary' }));
    }

    expect(new Set(asked).size).toBe(5);
    expect(screen.getByRole('heading', { name: 'Mock interview summary' })).toBeInTheDocument();
    expect(screen.getByText(/5 of 15/)).toBeInTheDocument();
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toHaveTextContent(/2:00 \(time up\)/);
    expect(rows[1]).toHaveTextContent(/0:30.*1 of 3.*Again/);
    expect(screen.getByText(/1 question rated Again or Hard/)).toBeInTheDocument();
    expect(storedRecord().history).toHaveLength(5);
  });

  it('pauses the clock on request', async () => {
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    render(<MockInterview cards={CARDS} seed="fixed" />);
    await user.click(screen.getByRole('button', { name: 'Start the mock interview' }));
    act(() => jest.advanceTimersByTime(10_000));
    await user.click(screen.getByRole('button', { name: 'Pause timer' }));
    const frozen = screen.getByRole('timer').textContent;
    act(() => jest.advanceTimersByTime(60_000));
    expect(screen.getByRole('timer').textContent).toBe(frozen);
    await user.click(screen.getByRole('button', { name: 'Resume timer' }));
    act(() => jest.advanceTimersByTime(5_000));
    expect(screen.getByRole('timer').textContent).not.toBe(frozen);
  });

  it('can run without a time limit', async () => {
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    render(<MockInterview cards={CARDS} seed="fixed" />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Time per question' }), 'No time limit');
    await user.click(screen.getByRole('button', { name: 'Start the mock interview' }));
    act(() => jest.advanceTimersByTime(600_000));
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /your answer/i })).toBeInTheDocument();
  });
});
