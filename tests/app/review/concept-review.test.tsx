/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CONCEPTS, generateQuestion, type Question } from '@/lib/scenarios';
import { ConceptReview } from '@/app/review/_components/concept-review';

const CONCEPT = CONCEPTS.find((c) => c.id === 'health-check-node-port')!;
const INFO = { id: CONCEPT.id, label: CONCEPT.label, summary: CONCEPT.summary, kinds: [...CONCEPT.kinds] };

/** Fills every field with the key's answer (right) or with another valid value (wrong). */
async function answer(user: ReturnType<typeof userEvent.setup>, q: Question, right: boolean) {
  const form = screen.getByRole('form', { name: 'Your answer' });
  for (const field of q.response.fields) {
    const expected = q.key.fields.find((k) => k.field === field.name)!.expected;
    if (field.type === 'choice') {
      const group = within(form).getByRole('group', { name: field.label });
      const radios = within(group).getAllByRole('radio') as HTMLInputElement[];
      const target = right ? radios.find((r) => r.value === expected) : radios.find((r) => r.value !== expected);
      await user.click(target!);
    } else {
      const box = within(form).getByRole('textbox', { name: field.label });
      const wrong = field.type === 'ip' ? '192.0.2.250' : field.type === 'integer' ? String(field.max === Number(expected) ? field.min : field.max) : expected === '0' ? '1' : '0';
      await user.type(box, right ? expected : wrong);
    }
  }
  await user.click(within(form).getByRole('button', { name: 'Submit answer' }));
}

describe('ConceptReview', () => {
  const questions = INFO.kinds.map((kind) => generateQuestion({ kind, difficulty: 'intro', seed: 'review-test' }));

  it.each(questions.map((q) => [q.spec.kind, q] as const))(
    'a correct %s answer lets the learner choose Hard, Good or Easy and reports the seed and kind',
    async (_kind, q) => {
      const user = userEvent.setup();
      const onDone = jest.fn();
      render(<ConceptReview concept={INFO} question={q} onDone={onDone} onCancel={() => {}} />);
      expect(screen.getByRole('heading', { name: `Reviewing: ${INFO.label}` })).toBeInTheDocument();
      expect(screen.getByText(q.spec.seed)).toBeInTheDocument();
      await answer(user, q, true);
      const group = screen.getByRole('group', { name: 'Correct. How hard was it?' });
      expect(within(group).getAllByRole('button').map((b) => b.textContent?.replace(/\s*\d.*/, ''))).toEqual(['Hard', 'Good', 'Easy']);
      await user.click(within(group).getByRole('button', { name: /^Good/ }));
      expect(onDone).toHaveBeenCalledWith({ conceptId: INFO.id, rating: 'good', score: 1, seed: 'review-test', kind: q.spec.kind });
    },
  );

  it.each(questions.map((q) => [q.spec.kind, q] as const))('a wrong %s answer is rated by the engine, not the learner', async (_kind, q) => {
    const user = userEvent.setup();
    const onDone = jest.fn();
    render(<ConceptReview concept={INFO} question={q} onDone={onDone} onCancel={() => {}} />);
    await answer(user, q, false);
    const group = screen.getByRole('group', { name: 'The engine rates this review' });
    const buttons = within(group).getAllByRole('button');
    expect(buttons).toHaveLength(1);
    expect(buttons[0]).toHaveTextContent(/^(Again|Hard)/);
    await user.click(buttons[0]!);
    const call = onDone.mock.calls[0]![0];
    expect(call.score).toBeLessThan(1);
    expect(call.rating).toBe(call.score >= 0.5 ? 'hard' : 'again');
  });

  it('can be skipped', async () => {
    const user = userEvent.setup();
    const onCancel = jest.fn();
    render(<ConceptReview concept={INFO} question={questions[0]!} onDone={() => {}} onCancel={onCancel} />);
    await user.click(screen.getByRole('button', { name: 'Skip for now' }));
    expect(onCancel).toHaveBeenCalled();
  });
});
