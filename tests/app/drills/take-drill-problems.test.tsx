/** @jest-environment jsdom */
/**
 * A drill answer the server cannot read (422, issues at answer.<field>): the student sees each message beside
 * its field, the field marked aria-invalid, and the summary in the live region; nothing counts as saved.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TakeDrill } from '@/app/drills/[code]/take-drill';
import type { AttemptView } from '@/lib/drills/attempts';
import { answerIssues, gradeAnswer } from '@/lib/grading';
import { generateQuestion, toPublicQuestion, type Question } from '@/lib/scenarios';

function shareQuestion(): Question {
  for (let i = 0; i < 200; i++) {
    const q = generateQuestion({ kind: 'load-share', difficulty: 'intro', seed: `drill-problems-${i}` });
    if (q.response.fields[0]?.type === 'share') return q;
  }
  throw new Error('no share question');
}

function jsonResponse(status: number, body: unknown) {
  return { status, ok: status < 400, json: async () => body } as Response;
}

const CODE = 'ABC234';
const q = shareQuestion();
const { spec: _spec, ...shown } = toPublicQuestion(q);
const VIEW: AttemptView = {
  attemptId: 'att-1',
  name: 'Ada',
  attemptNumber: 1,
  drill: {
    code: CODE,
    title: 'Week 3',
    kinds: ['load-share'],
    difficulty: 'intro',
    questionCount: 1,
    timeLimitMinutes: null,
    opensAt: null,
    closesAt: null,
    attemptsAllowed: 1,
    revealPolicy: 'after-submit',
    variant: 'same',
    phase: 'open',
  },
  startedAt: '2026-12-01T10:00:00Z',
  deadline: null,
  submittedAt: null,
  finished: false,
  revealed: false,
  questions: [{ ...shown, id: 'q1' }],
  answers: [],
};

let fetchMock: jest.Mock;
beforeEach(() => {
  localStorage.clear();
  localStorage.setItem(`drill-attempt:${CODE}`, JSON.stringify({ attemptId: 'att-1', token: 'tok' }));
  fetchMock = jest.fn();
  global.fetch = fetchMock;
});

describe('TakeDrill: a malformed answer', () => {
  it('shows the server’s per-field problems beside the fields and saves nothing', async () => {
    const field = q.response.fields[0]!;
    const raw = Object.fromEntries(q.response.fields.map((f) => [f.name, f.name === field.name ? 'abc' : '1/2']));
    // The server's body, built by the same path the API takes (grader → answerIssues).
    const graded = gradeAnswer(q, raw);
    if (graded.status !== 'invalid') throw new Error('expected an invalid answer');
    const issues = answerIssues(graded.problems);
    expect(issues[0]?.path).toBe(`answer.${field.name}`);
    fetchMock.mockImplementation(async (url: string, init: RequestInit) => {
      if (init.method === 'POST') return jsonResponse(422, { error: 'The answer is not well-formed', issues });
      return jsonResponse(200, VIEW);
    });

    const user = userEvent.setup();
    render(<TakeDrill code={CODE} open />);
    const input = await screen.findByRole('textbox', { name: field.label });
    for (const f of q.response.fields) await user.type(screen.getByRole('textbox', { name: f.label }), raw[f.name]!);
    await user.click(screen.getByRole('button', { name: 'Submit answer' }));

    const heading = await screen.findByRole('heading', { name: 'Not graded: check your answer' });
    const message = '"abc" is not a share: write a fraction (1/6), a percentage (16.7%) or a decimal (0.1667)';
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(input.nextElementSibling).toHaveTextContent(message);
    expect(within(heading.closest('[aria-live]') as HTMLElement).getByRole('listitem')).toHaveTextContent(`${field.label}: ${message}`);
    // Nothing counts as saved: no "Saved:" line, the question is still unanswered.
    expect(screen.queryByTestId('saved-answer')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: /1 \(not answered\)/ })).toBeInTheDocument();
    const post = fetchMock.mock.calls.find(([, init]) => (init as RequestInit).method === 'POST');
    expect(JSON.parse((post?.[1] as RequestInit).body as string)).toEqual({ questionId: 'q1', answer: raw });
  });
});
