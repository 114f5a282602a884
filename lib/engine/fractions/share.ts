/**
 * Exact shares and probabilities (scenario-format.md: "Every share and probability is an exact fraction as a
 * string"; R-LB-1..7). Never floats.
 *
 * A `Share` is an immutable rational in lowest terms. The engine's arithmetic is small (denominators are
 * products of node and endpoint counts), so a Share holds two safe integers and computes with plain integer
 * arithmetic; the moment any intermediate product would leave the safe-integer range the operation is redone
 * exactly by fraction.js (BigInt) and the result keeps that representation. That keeps evaluations fast
 * (fraction.js allocates BigInts on every operation) without ever rounding.
 */
import Fraction from 'fraction.js';

export { Fraction };

function gcd(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a < 0 ? -a : a;
}

const safe = Number.isSafeInteger;

export class Share {
  /** Numerator and denominator in lowest terms (den > 0) when `big` is null. */
  private constructor(
    readonly num: number,
    readonly den: number,
    private readonly big: Fraction | null,
  ) {}

  /** n/d, reduced. `d` must not be 0. */
  static of(n: number, d = 1): Share {
    if (d === 0) throw new RangeError('a share cannot have a zero denominator');
    if (!safe(n) || !safe(d)) return Share.fromFraction(new Fraction(BigInt(n), BigInt(d)));
    if (d < 0) {
      n = -n;
      d = -d;
    }
    const g = gcd(n, d) || 1;
    return new Share(n / g, d / g, null);
  }

  static fromFraction(f: Fraction): Share {
    const n = f.s * f.n;
    const d = f.d;
    if (n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) && d <= BigInt(Number.MAX_SAFE_INTEGER)) {
      return new Share(Number(n), Number(d), null);
    }
    return new Share(NaN, NaN, f);
  }

  /** The exact value as a fraction.js Fraction. */
  toFractionObject(): Fraction {
    return this.big ?? new Fraction(this.num, this.den);
  }

  add(o: Share): Share {
    if (!this.big && !o.big) {
      if (this.den === o.den) {
        const n = this.num + o.num;
        if (safe(n)) return Share.of(n, this.den);
      } else {
        const a = this.num * o.den;
        const b = o.num * this.den;
        const d = this.den * o.den;
        if (safe(a) && safe(b) && safe(d) && safe(a + b)) return Share.of(a + b, d);
      }
    }
    return Share.fromFraction(this.toFractionObject().add(o.toFractionObject()));
  }

  sub(o: Share): Share {
    return this.add(o.neg());
  }

  neg(): Share {
    return this.big ? Share.fromFraction(this.big.neg()) : new Share(-this.num, this.den, null);
  }

  mul(o: Share): Share {
    if (!this.big && !o.big) {
      const n = this.num * o.num;
      const d = this.den * o.den;
      if (safe(n) && safe(d)) return Share.of(n, d);
    }
    return Share.fromFraction(this.toFractionObject().mul(o.toFractionObject()));
  }

  /** Division by a non-zero share or integer. */
  div(o: Share | number): Share {
    const by = typeof o === 'number' ? Share.of(o) : o;
    if (by.isZero()) throw new RangeError('division of a share by zero');
    if (!by.big) return this.mul(Share.of(by.den, by.num));
    return Share.fromFraction(this.toFractionObject().div(by.toFractionObject()));
  }

  isZero(): boolean {
    return this.big ? this.big.equals(0) : this.num === 0;
  }

  compare(o: Share): number {
    if (!this.big && !o.big) {
      const a = this.num * o.den;
      const b = o.num * this.den;
      if (safe(a) && safe(b)) return a === b ? 0 : a < b ? -1 : 1;
    }
    return this.toFractionObject().compare(o.toFractionObject());
  }

  equals(o: Share | number): boolean {
    return this.compare(typeof o === 'number' ? Share.of(o) : o) === 0;
  }

  lte(o: Share): boolean {
    return this.compare(o) <= 0;
  }

  /** "0", "1", "1/6", "3/2": lowest terms, like fraction.js toFraction(false). */
  toFraction(): string {
    if (this.big) return this.big.toFraction(false);
    return this.den === 1 ? String(this.num) : `${this.num}/${this.den}`;
  }

  toString(): string {
    return this.toFraction();
  }
}

export const ZERO: Share = Share.of(0);
export const ONE: Share = Share.of(1);

/** n/d as an exact share. */
export function share(n: number, d = 1): Share {
  return Share.of(n, d);
}

/**
 * Renders a share in lowest terms: "0", "1", "1/6". Fractions above one render as improper fractions ("3/2").
 * Accepts a fraction.js Fraction too.
 * @example formatShare(share(2, 12)) === "1/6"
 */
export function formatShare(f: Share | Fraction): string {
  return f instanceof Share ? f.toFraction() : f.toFraction(false);
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
  return Share.fromFraction(new Fraction(BigInt(m[1] ?? '0'), m[2] === undefined ? BigInt(1) : BigInt(m[2])));
}

/** Sums shares exactly. */
export function sumShares(shares: Iterable<Share>): Share {
  let total = ZERO;
  for (const s of shares) total = total.add(s);
  return total;
}
