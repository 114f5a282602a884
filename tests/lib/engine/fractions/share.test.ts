import { formatShare, parseShare, share, sumShares } from '@/lib/engine';

describe('formatShare renders exact fractions in lowest terms', () => {
  it.each([
    [0, 1, '0'],
    [1, 1, '1'],
    [2, 12, '1/6'],
    [3, 6, '1/2'],
    [4, 4, '1'],
    [6, 4, '3/2'],
  ])('%i/%i → %s', (n, d, text) => {
    expect(formatShare(share(n, d))).toBe(text);
  });

  it('keeps exactness where floats do not: 1/3 + 1/3 + 1/3 = 1', () => {
    expect(formatShare(sumShares([share(1, 3), share(1, 3), share(1, 3)]))).toBe('1');
  });
});

describe('parseShare reads share strings and refuses anything else', () => {
  it.each([
    ['0', '0'],
    ['1', '1'],
    ['1/6', '1/6'],
    ['2/12', '1/6'],
    ['12/4', '3'],
  ])('%s → %s', (text, canonical) => {
    expect(formatShare(parseShare(text))).toBe(canonical);
  });

  it.each(['0.5', '-1/2', '1/0', ' 1/2', '1/2 ', '', 'a/b', '1//2', '01/2', '1/02'])('refuses %p, naming the text', (text) => {
    expect(() => parseShare(text)).toThrow(`"${text}" is not an exact share`);
  });
});

describe('Share stays exact beyond the safe-integer range (fraction.js fallback)', () => {
  it('adds fractions whose common denominator exceeds 2^53 without rounding', () => {
    const a = share(1, 2 ** 30 + 3);
    const b = share(1, 2 ** 30 + 5);
    const sum = a.add(b);
    const den = BigInt(2 ** 30 + 3) * BigInt(2 ** 30 + 5);
    expect(sum.toFraction()).toBe(`${BigInt(2 ** 31 + 8)}/${den}`);
    // and coming back into range returns to small integers
    expect(sum.sub(b).toFraction()).toBe(`1/${2 ** 30 + 3}`);
  });
  it('multiplies and compares large values exactly', () => {
    const big = parseShare('9007199254740993/2');
    expect(big.mul(share(2)).toFraction()).toBe('9007199254740993');
    expect(big.compare(parseShare('9007199254740992/2'))).toBe(1);
    expect(formatShare(big)).toBe('9007199254740993/2');
  });
  it('refuses division by zero', () => {
    expect(() => share(1, 2).div(0)).toThrow('division of a share by zero');
    expect(() => share(1, 0)).toThrow('zero denominator');
  });
});
