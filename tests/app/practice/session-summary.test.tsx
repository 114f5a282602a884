/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { SessionSummary, summarizeByKind, type AnsweredQuestion } from '@/app/practice/session-summary';
import { formatDuration } from '@/app/practice/session-timer';
import { correctAnswer, gradeAnswer, wrongAnswer, type GradedResult } from '@/lib/grading';
import { generateQuestion, toPublicQuestion, type QuestionKind } from '@/lib/scenarios';

function answered(kind: QuestionKind, right: boolean, ms: number, seed: string): AnsweredQuestion {
  const q = generateQuestion({ kind, difficulty: 'intro', seed });
  const r = gradeAnswer(q, right ? correctAnswer(q) : wrongAnswer(q)) as GradedResult;
  return { question: toPublicQuestion(q), result: r, ms };
}

const ANSWERS = [
  answered('load-share', true, 20_000, 'a'),
  answered('source-ip', false, 5_000, 'b'),
  answered('load-share', false, 10_000, 'c'),
  answered('policy-choice', true, 65_000, 'd'),
];

describe('summarizeByKind', () => {
  it('totals questions, score, misses and time per kind in first-seen order', () => {
    const rows = summarizeByKind(ANSWERS);
    expect(rows.map((r) => [r.kind, r.questions, r.missed, r.ms])).toEqual([
      ['load-share', 2, 1, 30_000],
      ['source-ip', 1, 1, 5_000],
      ['policy-choice', 1, 0, 65_000],
    ]);
    expect(rows[0]?.score).toBeGreaterThanOrEqual(1);
    expect(rows[0]?.score).toBeLessThan(2);
  });
});

describe('<SessionSummary>', () => {
  it('shows the table by kind and offers to retry the missed ones', async () => {
    const onRetry = jest.fn();
    render(<SessionSummary answered={ANSWERS} totalMs={100_000} onRetry={onRetry} shareUrl="/practice?seed=x" headingRef={createRef()} formatDuration={formatDuration} />);
    expect(screen.getByText(/2 questions missed/)).toBeInTheDocument();
    expect(screen.getByText(/in 1:40/)).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Results by kind' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(table).getByRole('rowheader', { name: 'Choosing a policy' }).closest('tr')).toHaveTextContent('1:05');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry the missed ones' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('offers no retry when nothing was missed', () => {
    const allRight = ANSWERS.filter((a) => a.result.score === 1);
    render(<SessionSummary answered={allRight} totalMs={1000} onRetry={jest.fn()} shareUrl="/practice" headingRef={createRef()} formatDuration={formatDuration} />);
    expect(screen.queryByRole('button', { name: 'Retry the missed ones' })).not.toBeInTheDocument();
    expect(screen.getByText(/Every answer was right/)).toBeInTheDocument();
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [999, '0:01'],
    [65_000, '1:05'],
    [600_000, '10:00'],
  ])('%d ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
