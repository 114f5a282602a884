/**
 * Reading a learner's share: `1/6` (exact fraction), `16.7%` (percentage) or `0.1667` (decimal).
 * A fraction is graded exactly; a percentage or decimal within SHARE_TOLERANCE (0.5 percentage points).
 */
import Fraction from 'fraction.js';
import { SHARE_TOLERANCE } from '@/lib/scenarios/types';

export type ParsedShare =
  | { ok: true; form: 'fraction'; exact: Fraction; value: number }
  | { ok: true; form: 'decimal' | 'percent'; exact: null; value: number }
  | { ok: false; reason: string };

const FRACTION = /^(\d+)\s*\/\s*(\d+)$/;
const DECIMAL = /^(\d+(?:\.\d*)?|\.\d+)$/;
const PERCENT = /^(\d+(?:\.\d*)?|\.\d+)\s*%$/;

export function parseShareInput(raw: string): ParsedShare {
  const s = raw.trim().replace(',', '.');
  if (s === '') return { ok: false, reason: 'is empty: give a share such as 1/6, 16.7% or 0.1667' };
  let parsed: ParsedShare;
  const f = FRACTION.exec(s);
  if (f) {
    const den = Number(f[2]);
    if (den === 0) return { ok: false, reason: `"${raw}" divides by zero` };
    const exact = new Fraction(Number(f[1]), den);
    parsed = { ok: true, form: 'fraction', exact, value: exact.valueOf() };
  } else if (PERCENT.test(s)) {
    parsed = { ok: true, form: 'percent', exact: null, value: Number(s.replace('%', '').trim()) / 100 };
  } else if (DECIMAL.test(s)) {
    // A whole number is exact too ("0", "1").
    const value = Number(s);
    parsed = Number.isInteger(value) ? { ok: true, form: 'fraction', exact: new Fraction(value), value } : { ok: true, form: 'decimal', exact: null, value };
  } else {
    return { ok: false, reason: `"${raw}" is not a share: write a fraction (1/6), a percentage (16.7%) or a decimal (0.1667)` };
  }
  if (parsed.value > 1) return { ok: false, reason: `"${raw}" is more than the whole: a share is between 0 and 1 (0% to 100%)` };
  return parsed;
}

/** Whether a parsed share matches an exact expected fraction string ("1/6"). */
export function shareMatches(given: ParsedShare, expected: string): boolean {
  if (!given.ok) return false;
  const want = new Fraction(expected);
  if (given.exact) return given.exact.equals(want);
  return Math.abs(given.value - want.valueOf()) <= SHARE_TOLERANCE + 1e-12;
}
