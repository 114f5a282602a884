/** Exact-fraction helpers over the engine's share strings, as kinds word and compare them. */
import Fraction from 'fraction.js';

export function frac(s: string | number | Fraction): Fraction {
  return new Fraction(s);
}
export function fracString(f: Fraction): string {
  return f.toFraction();
}
export function sameShare(a: string, b: string): boolean {
  return frac(a).equals(frac(b));
}
/** Two shares a learner could tell apart within the 0.5-point tolerance. */
export function distinctShares(a: string, b: string): boolean {
  return Math.abs(frac(a).valueOf() - frac(b).valueOf()) > 0.0051;
}
export function percent(s: string): string {
  const v = frac(s).valueOf() * 100;
  return `${Number.isInteger(v) ? v : v.toFixed(1)}%`;
}
export function shareDisplay(s: string): string {
  return s === '0' || s === '1' ? `${s} (${percent(s)})` : `${s} ≈ ${percent(s)}`;
}
