/**
 * The parse phase: raw submission → typed values, or every format problem (PrairieLearn's
 * format_errors), each on its field so the form can show it beside the input. A submission with problems is
 * invalid, not wrong, and is not graded.
 */
import type { PublicQuestion, ResponseField } from '@/lib/scenarios';
import { formatPath, ROOT_PATH, type Issue } from '@/lib/validation/issues';
import { parseShareInput, type ParsedShare } from './share';

export type ParsedValue =
  | { type: 'choice'; value: string }
  | { type: 'share'; value: ParsedShare & { ok: true }; raw: string }
  | { type: 'integer'; value: number }
  | { type: 'ip'; value: string };

/**
 * A format problem with one answer field: `field` is the field's name (`podShare`; the API reports it at
 * `answer.podShare`), or ROOT_PATH (`''`) for the answer as a whole. The message reads beside the field's label.
 */
export interface AnswerProblem {
  field: string;
  message: string;
}

export type ParseResult = { ok: true; values: Map<string, ParsedValue> } | { ok: false; problems: AnswerProblem[] };

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Fields that apply given the other answers (fix-it shows parameters only for the chosen action). */
export function activeFields(fields: ResponseField[], raw: Record<string, unknown>): ResponseField[] {
  return fields.filter((f) => !f.when || f.when.oneOf.includes(String(raw[f.when.field] ?? '')));
}

function parseField(field: ResponseField, v: unknown): ParsedValue | string {
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return 'has no answer';
  if (typeof v !== 'string' && typeof v !== 'number') return 'must be text';
  const s = String(v).trim();
  switch (field.type) {
    case 'choice':
      return field.options.some((o) => o.value === s) ? { type: 'choice', value: s } : `"${s}" is not one of the options`;
    case 'share': {
      const p = parseShareInput(s);
      return p.ok ? { type: 'share', value: p, raw: s } : p.reason;
    }
    case 'integer': {
      if (!/^-?\d+$/.test(s)) return `"${s}" is not a whole number`;
      const n = Number(s);
      if (n < field.min || n > field.max) return `${n} is outside ${field.min}–${field.max}`;
      return { type: 'integer', value: n };
    }
    case 'ip':
      return IPV4.test(s) ? { type: 'ip', value: s } : `"${s}" is not an IPv4 address such as 10.0.1.10`;
  }
}

export function parseRawAnswer(question: PublicQuestion, raw: unknown): ParseResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problems: [{ field: ROOT_PATH, message: 'must be an object of field → value' }] };
  }
  const obj = raw as Record<string, unknown>;
  const problems: AnswerProblem[] = [];
  const values = new Map<string, ParsedValue>();
  for (const field of activeFields(question.response.fields, obj)) {
    const r = parseField(field, obj[field.name]);
    if (typeof r === 'string') problems.push({ field: field.name, message: r });
    else values.set(field.name, r);
  }
  return problems.length ? { ok: false, problems } : { ok: true, values };
}

/** The problems as API Issues: `answer.podShare`, or `answer` for the answer as a whole. */
export function answerIssues(problems: readonly AnswerProblem[]): Issue[] {
  return problems.map((p) => ({ path: formatPath(p.field === ROOT_PATH ? ['answer'] : ['answer', p.field]), message: p.message }));
}

/** The inverse of answerIssues, for a client that got the API's 422: issues on `answer.<field>` (or `answer`) as problems. */
export function problemsFromIssues(issues: readonly Issue[]): AnswerProblem[] {
  return issues.flatMap((i) => (i.path === 'answer' ? [{ field: ROOT_PATH, message: i.message }] : i.path.startsWith('answer.') ? [{ field: i.path.slice('answer.'.length), message: i.message }] : []));
}
