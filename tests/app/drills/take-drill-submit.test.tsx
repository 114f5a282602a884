/** @jest-environment jsdom */
/**
 * Answers still on their way when the student acts: submitting waits for them (the server would otherwise finish
 * the attempt first and refuse the answer, and the page would count it unanswered), and a late reply does not
 * drop an answer saved after it was sent.
 */
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TakeDrill } from '@/app/drills/[code]/take-drill';
import type { AttemptView } from '@/lib/drills/attempts';
import { generateQuestion, toPublicQuestion, type Question, type RawAnswer } from '@/lib/scenarios';

/** Load-share questions whose fields are all typed (so the test fills them the same way). */
function shareQuestions(count: number): Question[] {
  const found: Question[] = [];
  for (let i = 0; found.length < count && i < 400; i++) {
    const q = generateQuestion({ kind: 'load-share', difficulty: 'intro', seed: `drill-submit-${i}` });
    if (q.response.fields.every((f) => f.type === 'share')) found.push(q);
  }
  if (found.length < count) throw new Error('not enough share questions');
  return found;
}

function jsonResponse(status: number, body: unknown) {
  return { status, ok: status < 400, json: async () => body } as Response;
}

const CODE = 'ABC234';
const questions = shareQuestions(2);
const shown = questions.map((q, i) => {
  const { spec: _spec, ...rest } = toPublicQuestion(q);
  return { ...rest, id: `q${i + 1}` };
});
const rawFor = (q: Question): RawAnswer => Object.fromEntries(q.response.fields.map((f) => [f.name, '1/2']));

function view(count: number, over: Partial<AttemptView> = {}): AttemptView {
  return {
    attemptId: 'att-1',
    name: 'Ada',
    attemptNumber: 1,
    drill: {
      code: CODE, title: 'Week 3', kinds: ['load-share'], difficulty: 'intro', questionCount: count, timeLimitMinutes: null,
      opensAt: null, closesAt: null, attemptsAllowed: 1, revealPolicy: 'after-submit', variant: 'same', phase: 'open',
    },
    startedAt: '2026-12-01T10:00:00Z',
    deadline: null,
    submittedAt: null,
    finished: false,
    revealed: false,
    questions: shown.slice(0, count),
    answers: [],
    ...over,
  };
}

/** A response the test releases when it chooses. */
function held() {
  let release!: (r: Response) => void;
  const promise = new Promise<Response>((resolve) => (release = resolve));
  return { promise, release };
}

const replyTo = (body: string) => {
  const { questionId, answer } = JSON.parse(body) as { questionId: string; answer: RawAnswer };
  return jsonResponse(200, { questionId, answer, stored: true, revealed: false });
};

async function answer(user: ReturnType<typeof userEvent.setup>, q: Question) {
  for (const f of q.response.fields) await user.type(await screen.findByRole('textbox', { name: f.label }), '1/2');
  await user.click(screen.getByRole('button', { name: 'Submit answer' }));
}

let fetchMock: jest.Mock;
let confirmSpy: jest.SpyInstance;
beforeEach(() => {
  localStorage.clear();
  localStorage.setItem(`drill-attempt:${CODE}`, JSON.stringify({ attemptId: 'att-1', token: 'tok' }));
  fetchMock = jest.fn();
  global.fetch = fetchMock;
  confirmSpy = jest.spyOn(window, 'confirm').mockReturnValue(false);
});
afterEach(() => confirmSpy.mockRestore());

const posts = () => fetchMock.mock.calls.filter(([, init]) => (init as RequestInit | undefined)?.method === 'POST').map(([url]) => url as string);

describe('TakeDrill: answers on their way', () => {
  it('submitting right after the last answer waits for it to be saved, then submits without asking', async () => {
    const answerReply = held();
    const finished = view(1, { finished: true, submittedAt: '2026-12-01T10:05:00Z', answers: [{ questionId: 'q1', answer: rawFor(questions[0]!) }] });
    fetchMock.mockImplementation(async (url: string, init?: RequestInit) => {
      if (url.endsWith('/answers')) return answerReply.promise.then(() => replyTo(init!.body as string));
      if (url.endsWith('/submit')) return jsonResponse(200, finished);
      return jsonResponse(200, view(1));
    });
    const user = userEvent.setup();
    render(<TakeDrill code={CODE} open />);
    await answer(user, questions[0]!);
    await user.click(screen.getByRole('button', { name: 'Submit attempt' }));

    // The answer is not saved yet: no question asked, nothing submitted.
    expect(confirmSpy).not.toHaveBeenCalled();
    expect(posts()).toEqual(['/api/attempts/att-1/answers']);

    await act(async () => answerReply.release(jsonResponse(200, {})));
    await waitFor(() => expect(posts()).toEqual(['/api/attempts/att-1/answers', '/api/attempts/att-1/submit']));
    expect(confirmSpy).not.toHaveBeenCalled();
  });

  it('a reply that arrives late keeps the answers saved since it was sent', async () => {
    const first = held();
    fetchMock.mockImplementation(async (url: string, init?: RequestInit) => {
      if (url.endsWith('/answers')) {
        const body = init!.body as string;
        return JSON.parse(body).questionId === 'q1' ? first.promise.then(() => replyTo(body)) : replyTo(body);
      }
      return jsonResponse(200, view(2));
    });
    const user = userEvent.setup();
    render(<TakeDrill code={CODE} open />);
    await answer(user, questions[0]!);
    await user.click(screen.getByRole('button', { name: 'Next question' }));
    await answer(user, questions[1]!);
    await screen.findByText(/1 of 2 answered/);

    await act(async () => first.release(jsonResponse(200, {})));
    await screen.findByText(/2 of 2 answered/);
    expect(screen.getByRole('button', { name: /^1 \(answered\)/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^2 \(answered\)/ })).toBeInTheDocument();
  });
});
