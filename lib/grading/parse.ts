/**
 * The parse phase: raw submission → typed values, or every format problem (PrairieLearn's
 * format_errors). A submission with problems is invalid, not wrong, and is not graded.
 */
import type { PublicQuestion, ResponseField } from '@/lib/scenarios';
import { parseShareInput, type ParsedShare } from './share';

export type ParsedValue =
  | { type: 'choice'; value: string }
  | { type: 'share'; value: ParsedShare & { ok: true }; raw: string }
  | { type: 'integer'; value: number }
  | { type: 'ip'; value: string };

export type ParseResult = { ok: true; values: Map<string, ParsedValue> } | { ok: false; problems: { field: string; message: string }[] };

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
    return { ok: false, problems: [{ field: '(answer)', message: 'must be an object of field → value' }] };
  }
  const obj = raw as Record<string, unknown>;
  const problems: { field: string; message: string }[] = [];
  const values = new Map<string, ParsedValue>();
  for (const field of activeFields(question.response.fields, obj)) {
    const r = parseField(field, obj[field.name]);
    if (typeof r === 'string') problems.push({ field: field.label, message: r });
    else values.set(field.name, r);
  }
  return problems.length ? { ok: false, problems } : { ok: true, values };
}
