import Fraction from 'fraction.js';

/** An exact share such as "1/6" as a percentage for prose: "16.7 %" (one decimal unless whole). */
export function shareAsPercent(share: string): string {
  const percent = new Fraction(share).mul(100);
  const rounded = Number(percent.valueOf().toFixed(1));
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)} %`;
}
