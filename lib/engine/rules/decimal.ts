/**
 * Exact fixed-point formatting of binary doubles, for the probabilities kube-proxy writes and iptables prints.
 * Go's fmt "%0.10f" and glibc's printf("%.11f") both round the double's exact binary value half-to-even;
 * Number.prototype.toFixed breaks exact ties upwards, so it is not used (1/2048 is such a tie).
 */

/** A finite non-negative double as mantissa × 2^exponent (exact). */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { mantissa, exponent: -1074 };
  mantissa |= 1n << 52n;
  return { mantissa, exponent: biased - 1075 };
}

/** `x` (finite, ≥ 0) with exactly `digits` decimals, rounded half-to-even on its exact value. */
export function formatFixed(x: number, digits: number): string {
  if (!Number.isFinite(x) || x < 0)
    throw new RangeError(`formatFixed: ${x} is not a finite non-negative number`);
  const { mantissa, exponent } = decompose(x);
  const scale = 10n ** BigInt(digits);
  let scaled: bigint;
  if (exponent >= 0) {
    scaled = (mantissa << BigInt(exponent)) * scale;
  } else {
    const denominator = 1n << BigInt(-exponent);
    const numerator = mantissa * scale;
    scaled = numerator / denominator;
    const twice = (numerator % denominator) * 2n;
    if (twice > denominator || (twice === denominator && scaled % 2n === 1n)) scaled += 1n;
  }
  const text = scaled.toString().padStart(digits + 1, '0');
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
