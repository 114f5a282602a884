/** @jest-environment jsdom */
/** Review uses the same answer form: an unreadable share is marked beside its field and is not rated. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CONCEPTS, generateQuestion, type Question } from '@/lib/scenarios';
import { ConceptReview } from '@/app/review/_components/concept-review';

const CONCEPT = CONCEPTS.find((c) => c.kinds.includes('load-share'))!;
const INFO = { id: CONCEPT.id, label: CONCEPT.label, summary: CONCEPT.summary, kinds: [...CONCEPT.kinds] };

function shareQuestion(): Question {
  for (let i = 0; i < 200; i++) {
    const q = generateQuestion({ kind: 'load-share', difficulty: 'intro', seed: `review-problems-${i}` });
    if (q.response.fields.every((f) => f.type === 'share')) return q;
  }
  throw new Error('no share question');
}

it('marks a share of "abc" invalid beside its field, and offers no rating', async () => {
  const q = shareQuestion();
  const onDone = jest.fn();
  const user = userEvent.setup();
  render(<ConceptReview concept={INFO} question={q} onDone={onDone} onCancel={jest.fn()} />);
  const [field, ...rest] = q.response.fields;
  const input = screen.getByRole('textbox', { name: field!.label });
  await user.type(input, 'abc');
  for (const f of rest) await user.type(screen.getByRole('textbox', { name: f.label }), '1/2');
  await user.click(screen.getByRole('button', { name: 'Submit answer' }));
  await screen.findByRole('heading', { name: 'Not graded: check your answer' });
  expect(input).toHaveAttribute('aria-invalid', 'true');
  expect(input).toHaveAccessibleDescription(expect.stringContaining('"abc" is not a share'));
  expect(input.nextElementSibling).toHaveTextContent('"abc" is not a share');
  expect(screen.queryByRole('group', { name: /How hard was it|The engine rates this review/ })).not.toBeInTheDocument();
  expect(onDone).not.toHaveBeenCalled();
});
