import Fraction from 'fraction.js';

/**
 * The one percent formatter: an exact share ("1/6") as a percentage number rounded to one decimal, the
 * decimal dropped when the rounded value is whole ("16.7", "50", "100"). Callers add the sign their text uses.
 */
export function sharePercent(share: string): string {
  const rounded = Number(new Fraction(share).mul(100).valueOf().toFixed(1));
  return Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1);
}
