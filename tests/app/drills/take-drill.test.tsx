/** @jest-environment jsdom */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TakeDrill } from '@/app/drills/[code]/take-drill';
import type { AttemptView } from '@/lib/drills/attempts';
import { generateQuestion, type Question, type RawAnswer } from '@/lib/scenarios';
import { resetLearnerStoreForTests } from '@/app/_components/learner/learner-store';
import { storedRecord } from '../../support/learner-storage';

/** The student's side (issue 20): a saved answer is back in the form after a reload; a retake is the same student's. */
const CODE = 'ABC234';

function jsonResponse(status: number, body: unknown) {
  return { status, ok: status < 400, json: async () => body } as Response;
}

const shown = (q: Question, id: string) => ({ id, title: q.title, prompt: q.prompt, scenario: q.scenario, response: q.response, concepts: q.concepts });
const keyOf = (q: Question): RawAnswer => Object.fromEntries(q.key.fields.map((f) => [f.field, f.expected]));

const q1 = generateQuestion({ kind: 'source-ip', difficulty: 'standard', seed: 'take-drill-1' });
const q2 = generateQuestion({ kind: 'load-share', difficulty: 'standard', seed: 'take-drill-2' });

function view(over: Partial<AttemptView> = {}): AttemptView {
  return {
    attemptId: 'attempt-1',
    name: 'Ada',
    attemptNumber: 1,
    drill: {
      code: CODE, title: 'Week 3', kinds: ['source-ip', 'load-share'], difficulty: 'standard', questionCount: 2, timeLimitMinutes: null,
      opensAt: null, closesAt: null, attemptsAllowed: 2, revealPolicy: 'after-submit', variant: 'same', phase: 'open',
    },
    startedAt: '2026-12-01T10:00:00Z',
    deadline: null,
    submittedAt: null,
    finished: false,
    revealed: false,
    questions: [shown(q1, 'q1'), shown(q2, 'q2')],
    answers: [],
    ...over,
  };
}

let fetchMock: jest.Mock;
beforeEach(() => {
  localStorage.clear();
  resetLearnerStoreForTests();
  fetchMock = jest.fn();
  global.fetch = fetchMock;
});

describe('TakeDrill', () => {
  it('after a reload, shows the answer the server holds in the form (from GET /api/attempts/{id}, not local state)', async () => {
    localStorage.setItem(`drill-attempt:${CODE}`, JSON.stringify({ attemptId: 'attempt-1', token: 'tok' }));
    const saved = keyOf(q1);
    fetchMock.mockResolvedValue(jsonResponse(200, view({ answers: [{ questionId: 'q1', answer: saved }] })));
    render(<TakeDrill code={CODE} open />);

    // Resumes at the first unanswered question; question 1 is marked answered.
    await screen.findByText('Question 2 of 2');
    expect(fetchMock).toHaveBeenCalledWith('/api/attempts/attempt-1', expect.objectContaining({ headers: { Authorization: 'Bearer tok' } }));
    await userEvent.click(screen.getByRole('button', { name: /^1 \(answered\)/ }));
    const form = await screen.findByRole('form', { name: 'Your answer' });
    expect(q1.response.fields.length).toBeGreaterThan(0);
    for (const field of q1.response.fields) {
      const value = saved[field.name]!;
      if (field.type === 'choice') {
        const option = field.options.find((o) => o.value === value)!;
        expect(within(form).getByRole('radio', { name: new RegExp(option.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toBeChecked();
      } else {
        expect(within(form).getByRole('textbox', { name: field.label })).toHaveValue(value);
      }
    }
    // The unanswered question starts empty.
    await userEvent.click(screen.getByRole('button', { name: /^2 \(not answered\)/ }));
    const second = await screen.findByRole('form', { name: 'Your answer' });
    for (const input of within(second).queryAllByRole('textbox')) expect(input).toHaveValue('');
    for (const radio of within(second).queryAllByRole('radio')) expect(radio).not.toBeChecked();
  });

  it("starts another attempt as the same student (the retake endpoint, the old attempt's token), not a new join", async () => {
    localStorage.setItem(`drill-attempt:${CODE}`, JSON.stringify({ attemptId: 'attempt-1', token: 'tok' }));
    fetchMock.mockResolvedValueOnce(jsonResponse(200, view({ submittedAt: '2026-12-01T10:05:00Z', finished: true })));
    render(<TakeDrill code={CODE} open />);
    const button = await screen.findByRole('button', { name: 'Start another attempt' });
    fetchMock.mockResolvedValueOnce(jsonResponse(201, { attemptId: 'attempt-2', attemptToken: 'tok2', attempt: view({ attemptId: 'attempt-2', attemptNumber: 2 }) }));
    await userEvent.click(button);
    await screen.findByText(/attempt 2/);
    expect(fetchMock).toHaveBeenLastCalledWith('/api/attempts/attempt-1/retake', expect.objectContaining({ method: 'POST', headers: { Authorization: 'Bearer tok' } }));
    // The learner record (which took the old drill key over on first load) now holds the new attempt.
    await waitFor(() => expect(storedRecord().drills[CODE]).toEqual({ attemptId: 'attempt-2', token: 'tok2' }));
    expect(screen.queryByLabelText('Your name')).toBeNull();
  });
});
