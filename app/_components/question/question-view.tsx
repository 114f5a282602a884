'use client';
/**
 * One question: prompt, cluster diagram (with tables), answer inputs and, once graded, the feedback and
 * the diagram with the engine's flows. Reused by practice, drills and interview: the caller grades
 * (in the browser for practice, on the server for drills) and passes the result back.
 *
 * Keyboard (when `shortcuts`): 1–5 choose an option of the current choice field (the focused one, else the
 * first unanswered one) and then move focus to the next field, so the keys answer field by field; Enter
 * submits, N goes to the next question once graded. Digits and N are ignored while typing in a text field.
 * A new question (after N) takes focus to its first input.
 */
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { runScenario } from '@/lib/engine';
import type { GradeResult } from '@/lib/grading';
import type { ScenarioInput } from '@/lib/engine';
import type { PublicQuestion, RawAnswer } from '@/lib/scenarios';
// The module, not the barrel: the barrel brings every generator (and their printers) into the drill page (issue 18).
import { applyChange } from '@/lib/scenarios/fix-it';
import { GradeFeedback } from './grade-feedback';
import { QuestionEvidence } from './question-evidence';
import { fieldDomId, fieldFocusTarget, ResponseFields, visibleFields } from './response-fields';
import { ScenarioFigure } from './scenario-figure';

export interface QuestionViewProps {
  /** Its spec (seed) is not needed: drills send questions without one. */
  question: Omit<PublicQuestion, 'spec'>;
  /** Called with one string per visible field. */
  onSubmit: (answer: RawAnswer) => void;
  /** The grade for the last submission; a graded result locks the inputs, an invalid one does not. */
  result?: GradeResult | null;
  /** Shown once graded (button and the N key). */
  onNext?: (() => void) | null;
  nextLabel?: string;
  /** Document-level 1–5 / Enter / N shortcuts (default true). Turn off when two views share a page. */
  shortcuts?: boolean;
  /** e.g. "Question 3 of 10". */
  position?: string;
  /** What the inputs start with, e.g. an answer the server already stored (drills, after a reload). */
  initialAnswer?: RawAnswer;
}

/** The cluster the "correct flows" figure draws: the question's, with the grade's figure change applied (policy-choice). */
export function answerScenario(scenario: ScenarioInput, result: GradeResult | null): ScenarioInput {
  if (result?.status !== 'graded' || !result.figure) return scenario;
  try {
    return applyChange(scenario, result.figure);
  } catch {
    return scenario;
  }
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !['radio', 'checkbox', 'button', 'submit'].includes(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable;
}

export function QuestionView({ question, onSubmit, result = null, onNext = null, nextLabel = 'Next question', shortcuts = true, position, initialAnswer }: QuestionViewProps) {
  const idBase = `q${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const [values, setValues] = useState<Record<string, string>>(() => ({ ...initialAnswer }));
  const formRef = useRef<HTMLFormElement>(null);
  const graded = result?.status === 'graded';
  const feedbackHeadingId = `${idBase}-feedback`;
  const fields = visibleFields(question.response.fields, values);
  // An unreadable answer: each problem beside its field (and listed, with links, in the feedback).
  const problems: Record<string, string> = {};
  if (result?.status === 'invalid') for (const p of result.problems) if (fields.some((f) => f.name === p.field)) problems[p.field] ??= p.message;
  // One engine run per question, shared by both figures (the answer is drawn only once graded).
  const run = useMemo(() => runScenario(question.scenario), [question.scenario]);
  // The "correct flows" figure follows the grade in a deferred render: a submit paints the feedback first and the
  // figure (a second diagram, and for policy-choice a second engine run) right after (issue 18: an answer's
  // feedback painted within 50 ms). Shown once the deferred grade has caught up with this one.
  const figureResult = useDeferredValue(result);
  const showFigure = graded && figureResult === result;
  // The same run, unless the grade asks to draw a changed cluster (policy-choice).
  const answerRun = useMemo(() => {
    if (!showFigure) return run;
    const drawn = answerScenario(question.scenario, figureResult);
    return drawn === question.scenario ? run : runScenario(drawn);
  }, [question.scenario, figureResult, showFigure, run]);

  // A new question starts empty (or with its initial answer).
  const [questionId, setQuestionId] = useState(question.id);
  if (questionId !== question.id) {
    setQuestionId(question.id);
    setValues({ ...initialAnswer });
  }

  const submit = () => {
    const answer: RawAnswer = {};
    for (const f of visibleFields(question.response.fields, values)) answer[f.name] = values[f.name] ?? '';
    onSubmit(answer);
  };

  // After N, the next question's first input takes focus (not <body>), with the question scrolled into view.
  const articleRef = useRef<HTMLElement>(null);
  const shownQuestion = useRef(question.id);
  useEffect(() => {
    if (shownQuestion.current === question.id) return;
    shownQuestion.current = question.id;
    articleRef.current?.scrollIntoView?.({ block: 'start' });
    formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus({ preventScroll: true });
  }, [question.id]);

  // Move focus to the feedback so it is read out and N / Enter continue from there.
  useEffect(() => {
    if (result) document.getElementById(feedbackHeadingId)?.focus();
  }, [result, feedbackHeadingId]);

  useEffect(() => {
    if (!shortcuts) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      const typing = isTyping(e.target);
      const onButton = e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement || (e.target instanceof HTMLElement && e.target.tagName === 'SUMMARY');
      if (graded) {
        if (onNext && !typing && (e.key === 'n' || e.key === 'N' || (e.key === 'Enter' && !onButton))) {
          e.preventDefault();
          onNext();
        }
        return;
      }
      if (e.key === 'Enter' && !typing && !onButton) {
        e.preventDefault();
        formRef.current?.requestSubmit();
        return;
      }
      if (typing || !/^[1-5]$/.test(e.key)) return;
      const index = Number(e.key) - 1;
      const choiceFields = visibleFields(question.response.fields, values).filter((f) => f.type === 'choice');
      const focusedField = e.target instanceof HTMLElement ? e.target.closest('[data-choice-field]')?.getAttribute('data-choice-field') : null;
      const field =
        choiceFields.find((f) => f.name === focusedField) ?? choiceFields.find((f) => !values[f.name]) ?? choiceFields[0];
      if (!field || field.type !== 'choice') return;
      const option = field.options[index];
      if (!option) return;
      e.preventDefault();
      const next = { ...values, [field.name]: option.value };
      setValues(next);
      // On to the next field (its first input), if any; the last field keeps focus on the chosen option.
      const shown = visibleFields(question.response.fields, next);
      const after = shown[shown.findIndex((f) => f.name === field.name) + 1];
      const target = after
        ? document.getElementById(after.type === 'choice' ? `${fieldDomId(idBase, after.name)}-0` : fieldDomId(idBase, after.name))
        : null;
      if (target) target.focus();
      else {
        // The field may appear only now (fix-it parameters): focus it once rendered.
        document.getElementById(`${fieldDomId(idBase, field.name)}-${index}`)?.focus();
        if (after) requestAnimationFrame(() => document.getElementById(after.type === 'choice' ? `${fieldDomId(idBase, after.name)}-0` : fieldDomId(idBase, after.name))?.focus());
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [shortcuts, graded, onNext, question, values, idBase]);

  return (
    <article ref={articleRef} aria-labelledby={`${idBase}-title`} className="scroll-mt-4 space-y-4">
      <header>
        {position && <p className="text-sm text-muted">{position}</p>}
        <h2 id={`${idBase}-title`} className="text-xl font-semibold">
          {question.title}
        </h2>
      </header>
      {/* Long DNS names and addresses have no break opportunities: let them wrap anywhere rather than widen the page. */}
      <p className="[overflow-wrap:anywhere]">{question.prompt}</p>
      {question.evidence && question.evidence.length > 0 && <QuestionEvidence evidence={question.evidence} id={`${idBase}-evidence`} />}
      <ScenarioFigure run={run} title="The cluster" id={`${idBase}-cluster`} showAnswer={false} />
      <form
        ref={formRef}
        aria-label="Your answer"
        onSubmit={(e) => {
          e.preventDefault();
          if (!graded) submit();
        }}
        className="space-y-4"
      >
        <ResponseFields
          idBase={idBase}
          fields={fields}
          values={values}
          onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
          disabled={graded}
          problems={problems}
        />
        {!graded && (
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" className="rounded bg-accent px-4 py-2 font-medium text-accent-fg">
              Submit answer
            </button>
            {shortcuts && <p className="text-sm text-muted">Keys: 1–5 choose, Enter submits.</p>}
          </div>
        )}
      </form>
      <div aria-live="polite">
        {result && (
          <GradeFeedback
            result={result}
            headingId={feedbackHeadingId}
            fields={fields.map((f) => ({ name: f.name, label: f.label, focusId: fieldFocusTarget(idBase, f, values) }))}
          />
        )}
      </div>
      {graded && (
        <>
          {showFigure && <ScenarioFigure run={answerRun} title="The correct flows" id={`${idBase}-answer`} showAnswer />}
          {onNext && (
            <div className="flex flex-wrap items-center gap-3">
              <button type="button" onClick={onNext} className="rounded bg-accent px-4 py-2 font-medium text-accent-fg">
                {nextLabel}
              </button>
              {shortcuts && <p className="text-sm text-muted">Key: N.</p>}
            </div>
          )}
        </>
      )}
    </article>
  );
}
