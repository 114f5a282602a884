/** Exact-fraction helpers over the engine's share strings, as kinds word and compare them. */
import Fraction from 'fraction.js';
import { sharePercent } from '@/lib/engine';
import { SHARE_TOLERANCE } from '../types';

export function frac(s: string | number | Fraction): Fraction {
  return new Fraction(s);
}
export function fracString(f: Fraction): string {
  return f.toFraction();
}
/** Two shares a learner could tell apart: further apart than SHARE_TOLERANCE (plus a margin for rounding). */
export function distinctShares(a: string, b: string): boolean {
  return Math.abs(frac(a).valueOf() - frac(b).valueOf()) > SHARE_TOLERANCE + 0.0001;
}
export function shareDisplay(s: string): string {
  const percent = `${sharePercent(s)}%`;
  return s === '0' || s === '1' ? `${s} (${percent})` : `${s} ≈ ${percent}`;
}
