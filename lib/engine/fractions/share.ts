/**
 * Exact shares and probabilities (scenario-format.md: "Every share and probability is an exact fraction as a
 * string"; R-LB-1..7). A thin layer over fraction.js: shares are never floats, and their string form is
 * always lowest terms: "0", "1", "1/6".
 */
import Fraction from 'fraction.js';

export { Fraction };

/** An exact, non-negative rational share. */
export type Share = Fraction;

export const ZERO: Share = new Fraction(0);
export const ONE: Share = new Fraction(1);

/** n/d as an exact share. */
export function share(n: number, d = 1): Share {
  return new Fraction(n, d);
}

/**
 * Renders a share in lowest terms: "0", "1", "1/6". Fractions above one render as improper fractions ("3/2").
 * @example formatShare(share(2, 12)) === "1/6"
 */
export function formatShare(f: Share): string {
  return f.toFraction(false);
}

const SHARE_TEXT = /^(0|[1-9][0-9]*)(?:\/([1-9][0-9]*))?$/;

/**
 * Parses "0", "1", "1/6" (also "2/12", which is reduced). Throws an Error naming the bad text for anything
 * else (decimals, negatives, zero denominators, spaces), so that a typo in a key never becomes a float.
 */
export function parseShare(text: string): Share {
  const m = SHARE_TEXT.exec(text);
  if (!m) {
    throw new Error(`"${text}" is not an exact share: write an integer or a fraction such as 1/6`);
  }
  const n = BigInt(m[1] ?? '0');
  const d = m[2] === undefined ? BigInt(1) : BigInt(m[2]);
  return new Fraction(n, d);
}

/** Sums shares exactly. */
export function sumShares(shares: Iterable<Share>): Share {
  let total = ZERO;
  for (const s of shares) total = total.add(s);
  return total;
}
