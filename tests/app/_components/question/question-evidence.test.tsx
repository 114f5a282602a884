/** @jest-environment jsdom */
/** A troubleshooting question shows its evidence: one named, focusable, horizontally scrolling box per command. */
import { render, screen, within } from '@testing-library/react';
import { QuestionView } from '@/app/_components/question';
import { generateQuestion, toPublicQuestion } from '@/lib/scenarios';

jest.setTimeout(30_000);

it('renders every command and its output as preformatted text in a named, focusable, scrolling box', () => {
  const q = generateQuestion({ kind: 'troubleshooting', difficulty: 'standard', seed: 'evidence-view' });
  const evidence = toPublicQuestion(q).evidence ?? [];
  expect(evidence.length).toBeGreaterThanOrEqual(4);
  render(<QuestionView question={toPublicQuestion(q)} onSubmit={jest.fn()} />);
  const region = screen.getByRole('region', { name: 'What you see on the cluster' });
  for (const e of evidence) {
    const box = within(region).getByLabelText(`Output of ${e.command}`);
    expect(box.tagName).toBe('PRE');
    expect(box).toHaveAttribute('tabindex', '0');
    expect(box.className).toMatch(/overflow-x-auto/);
    expect(box.textContent).toBe(`$ ${e.command}\n${e.output}`);
  }
});

it('shows no evidence box for a kind without evidence', () => {
  const q = generateQuestion({ kind: 'client-outcome', difficulty: 'intro', seed: 'evidence-view' });
  render(<QuestionView question={toPublicQuestion(q)} onSubmit={jest.fn()} />);
  expect(screen.queryByRole('region', { name: 'What you see on the cluster' })).toBeNull();
});
