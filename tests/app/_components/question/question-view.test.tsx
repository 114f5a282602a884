/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { QuestionView } from '@/app/_components/question';
import { gradeAnswer, type GradeResult } from '@/lib/grading';
import { generateQuestion, toPublicQuestion, type Question, type QuestionKind } from '@/lib/scenarios';

function find(kind: QuestionKind, pred: (q: Question) => boolean = () => true, difficulty: 'intro' | 'standard' = 'intro'): Question {
  for (let i = 0; i < 200; i++) {
    const q = generateQuestion({ kind, difficulty, seed: `view-${i}` });
    if (pred(q)) return q;
  }
  throw new Error('no question');
}

/** Grades in the test like practice does in the browser. */
function Harness({ q, onNext = jest.fn() }: { q: Question; onNext?: () => void }) {
  const [result, setResult] = useState<GradeResult | null>(null);
  return <QuestionView question={toPublicQuestion(q)} onSubmit={(raw) => setResult(gradeAnswer(q, raw))} result={result} onNext={onNext} />;
}

describe('<QuestionView>', () => {
  it('renders the prompt, the cluster diagram with a text equivalent, and a labelled radio group', () => {
    const q = find('client-outcome');
    render(<Harness q={q} />);
    expect(screen.getByRole('heading', { level: 2, name: q.title })).toBeInTheDocument();
    expect(screen.getByText(q.prompt)).toBeInTheDocument();
    expect(screen.getByText('Diagram as tables')).toBeInTheDocument();
    const group = screen.getByRole('group', { name: 'What does the client see?' });
    expect(within(group).getAllByRole('radio')).toHaveLength(q.response.fields[0]?.type === 'choice' ? q.response.fields[0].options.length : 0);
  });

  it.each([
    ['the right option', true, 'Correct'],
    ['a wrong option', false, 'Not right'],
  ])('chooses %s with a number key, submits with Enter and shows the verdict', async (_name, right, verdict) => {
    const q = find('client-outcome', (x) => (x.response.fields[0]?.type === 'choice' ? x.response.fields[0].options.length >= 3 : false));
    const field = q.response.fields[0];
    if (field?.type !== 'choice') throw new Error('not a choice');
    const key = q.key.fields[0]?.expected;
    const index = field.options.findIndex((o) => (right ? o.value === key : o.value !== key));
    const user = userEvent.setup();
    render(<Harness q={q} />);
    await user.keyboard(String(index + 1));
    expect(screen.getAllByRole('radio')[index]).toBeChecked();
    await user.keyboard('{Enter}');
    const heading = await screen.findByRole('heading', { level: 3, name: verdict });
    expect(heading).toHaveFocus();
    expect(screen.getByRole('heading', { name: 'What the engine did' })).toBeInTheDocument();
    expect(screen.getAllByRole('radio').every((r) => (r as HTMLInputElement).disabled)).toBe(true);
  });

  it('shows an invalid share as "not graded", the message beside the field, and keeps the input editable', async () => {
    const q = find('load-share', (x) => x.response.fields.length === 2 && x.response.fields.every((f) => f.type === 'share'), 'standard');
    const [shareField, otherField] = q.response.fields;
    const user = userEvent.setup();
    render(<Harness q={q} />);
    const input = screen.getByRole('textbox', { name: shareField?.label });
    const other = screen.getByRole('textbox', { name: otherField?.label });
    expect(input).not.toHaveAttribute('aria-invalid');
    await user.type(other, '1/2');
    await user.type(input, 'abc{Enter}');
    expect(await screen.findByRole('heading', { name: 'Not graded: check your answer' })).toBeInTheDocument();
    const message = '"abc" is not a share: write a fraction (1/6), a percentage (16.7%) or a decimal (0.1667)';
    // The field: invalid, its hint and then the message as its description, the message right after it.
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(`A fraction (1/6), a percentage (16.7%) or a decimal (0.1667). ${message}`);
    expect(input.nextElementSibling).toHaveTextContent(message);
    // The readable field is not marked.
    expect(other).not.toHaveAttribute('aria-invalid');
    expect(other).toHaveAccessibleDescription('A fraction (1/6), a percentage (16.7%) or a decimal (0.1667).');
    // Announced: the summary in the polite live region names the field and says what is wrong; its link goes to the field.
    const summary = screen.getByRole('heading', { name: 'Not graded: check your answer' }).closest('[aria-live]');
    expect(summary).toHaveAttribute('aria-live', 'polite');
    const item = within(summary as HTMLElement).getByRole('listitem');
    expect(item).toHaveTextContent(`${shareField?.label}: ${message}`);
    await user.click(within(item).getByRole('link', { name: shareField?.label }));
    expect(input).toHaveFocus();
    expect(input).toBeEnabled();
    // Fixed and submitted again: no longer invalid.
    await user.clear(input);
    await user.type(input, '1/3{Enter}');
    expect(await screen.findByRole('heading', { level: 3, name: /Correct|Not right|Partly right/ })).toBeInTheDocument();
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText(message)).not.toBeInTheDocument();
  });

  it('marks an unanswered choice field invalid, its message described by the group', async () => {
    const q = find('client-outcome');
    const user = userEvent.setup();
    render(<Harness q={q} />);
    await user.click(screen.getByRole('button', { name: 'Submit answer' }));
    const group = screen.getByRole('group', { name: 'What does the client see?' });
    await screen.findByRole('heading', { name: 'Not graded: check your answer' });
    expect(group).toHaveAttribute('aria-invalid', 'true');
    expect(group).toHaveAccessibleDescription('has no answer');
    expect(within(group).getByText('has no answer')).toBeInTheDocument();
  });

  it('does not treat digits typed into a share field as option shortcuts', async () => {
    const q = find('load-share');
    const user = userEvent.setup();
    render(<Harness q={q} />);
    const input = screen.getByRole('textbox', { name: q.response.fields[0]?.label });
    await user.type(input, '1/3');
    expect(input).toHaveValue('1/3');
  });

  it('goes to the next question with N once graded, not before', async () => {
    const q = find('policy-choice');
    const onNext = jest.fn();
    const user = userEvent.setup();
    render(<Harness q={q} onNext={onNext} />);
    await user.keyboard('n');
    expect(onNext).not.toHaveBeenCalled();
    await user.keyboard('1{Enter}');
    await screen.findByRole('heading', { level: 3 });
    await user.keyboard('n');
    expect(onNext).toHaveBeenCalledTimes(1);
  });

  it('names the matched misconception in the feedback', async () => {
    const q = find('lb-targets', (x) => x.key.fields[0]?.alternatives[0]?.misconception === 'counts-empty-nodes');
    const user = userEvent.setup();
    render(<Harness q={q} />);
    // First node: "yes" (option 1) is the misconception; answer the rest as the key says.
    for (const [i, k] of q.key.fields.entries()) {
      const group = screen.getByRole('group', { name: q.response.fields[i]?.label });
      await user.click(within(group).getByRole('radio', { name: i === 0 ? /Yes/ : k.expected === 'yes' ? /Yes/ : /No/ }));
    }
    await user.click(screen.getByRole('button', { name: 'Submit answer' }));
    expect(await screen.findByText('Misconception: The balancer also sends to nodes without Pods')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: /Partly right/ })).toBeInTheDocument();
  });

  it('fix-it shows a change\'s parameters only once that change is chosen', async () => {
    const q = find('fix-it');
    const user = userEvent.setup();
    render(<Harness q={q} />);
    expect(screen.queryByRole('group', { name: 'Pod to move' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /Move one Pod/ }));
    expect(screen.getByRole('group', { name: 'Pod to move' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Move it to node' })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /Change the number of replicas/ }));
    expect(screen.getByRole('textbox', { name: 'Replicas' })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Pod to move' })).not.toBeInTheDocument();
  });

  it('answers a multi-field question field by field with the number keys', async () => {
    const kinds: QuestionKind[] = ['source-ip', 'health-check', 'load-share', 'lb-targets', 'client-outcome', 'cross-node', 'policy-choice', 'api-validation', 'fix-it'];
    const twoChoices = (x: Question) => x.response.fields.filter((f) => f.type === 'choice' && !f.when).length >= 2 && x.response.fields.every((f) => f.type === 'choice' && !f.when);
    let q: Question | undefined;
    for (const kind of kinds) {
      try {
        q = find(kind, twoChoices);
        break;
      } catch {
        // this kind has no such question; try the next
      }
    }
    if (!q) throw new Error('no question with two choice fields');
    const user = userEvent.setup();
    render(<Harness q={q} />);
    const groups = q.response.fields.map((f) => screen.getByRole('group', { name: f.label }));
    await user.keyboard('2');
    expect(within(groups[0]!).getAllByRole('radio')[1]).toBeChecked();
    // Focus moved on to the second field, so the next key answers it, not the first again.
    expect(within(groups[1]!).getAllByRole('radio')[0]).toHaveFocus();
    await user.keyboard('1');
    expect(within(groups[1]!).getAllByRole('radio')[0]).toBeChecked();
    expect(within(groups[0]!).getAllByRole('radio')[1]).toBeChecked();
  });

  it('policy-choice: the "correct flows" figure draws the cluster under the CORRECT policy, not the scenario\'s own (issue 20)', async () => {
    // The generator's scenarios carry Cluster; find one whose key is Local.
    const q = find('policy-choice', (x) => x.key.fields[0]?.expected === 'Local' && x.scenario.service.spec.externalTrafficPolicy === 'Cluster');
    const user = userEvent.setup();
    render(<Harness q={q} />);
    await user.click(screen.getByRole('radio', { name: 'externalTrafficPolicy: Local' }));
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { level: 3, name: 'Correct' });
    const figure = screen.getByRole('figure', { name: /The correct flows/ });
    for (const img of within(figure).getAllByRole('img')) expect(img).toHaveAccessibleDescription(/externalTrafficPolicy Local/);
  });

  it('read-rules: shows the excerpt verbatim in a named, keyboard-scrollable <pre>, and grades a share typed from it', async () => {
    const q = find('read-rules', (x) => x.key.fields[0]?.field === 'share');
    const [excerpt] = q.evidence!;
    render(<Harness q={q} />);
    const pre = screen.getByLabelText(`Output of ${excerpt!.command}`);
    expect(pre.tagName).toBe('PRE');
    expect(pre.textContent).toBe(`$ ${excerpt!.command}\n${excerpt!.output}`);
    expect(pre).toHaveAttribute('tabindex', '0');
    expect(pre.className).toMatch(/overflow-x-auto/);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox'), q.key.fields[0]!.expected);
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 3, name: 'Correct' })).toBeInTheDocument();
  });
});
