import { hashSecret, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, newJoinCode, newSecret, normaliseJoinCode, secretMatches } from '@/lib/drills/tokens';
import { joinCodeSchema } from '@/lib/drills/schemas';
import { zodIssues } from '@/lib/validation/issues';

describe('secrets', () => {
  it('carries at least 128 bits of randomness (32 random bytes, base64url)', () => {
    const s = newSecret();
    expect(Buffer.from(s, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(s).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('never repeats across many draws', () => {
    const seen = new Set(Array.from({ length: 1000 }, newSecret));
    expect(seen.size).toBe(1000);
  });

  it('stores a hash that is not the token itself', () => {
    const s = newSecret();
    expect(hashSecret(s)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret(s)).not.toContain(s);
  });

  it.each([
    ['the same token', (s: string) => s, true],
    ['a token with one character changed', (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1), false],
    ['a prefix of the token', (s: string) => s.slice(0, 20), false],
    ['an empty token', () => '', false],
    ['the stored hash itself', (_s: string, h: string) => h, false],
  ])('matches %s: %s', (_name, variant, expected) => {
    const s = newSecret();
    const h = hashSecret(s);
    expect(secretMatches(variant(s, h), h)).toBe(expected);
  });
});

describe('join codes', () => {
  it('are six characters from the unambiguous alphabet and pass the route schema', () => {
    for (let i = 0; i < 200; i++) {
      const c = newJoinCode();
      expect(c).toHaveLength(JOIN_CODE_LENGTH);
      expect([...c].every((ch) => JOIN_CODE_ALPHABET.includes(ch))).toBe(true);
      expect(joinCodeSchema.safeParse(c).success).toBe(true);
    }
  });

  it.each([
    ['lower case', 'abc234', 'ABC234'],
    ['spaces', ' ab c2 34 ', 'ABC234'],
    ['a dash', 'ABC-234', 'ABC234'],
  ])('normalises %s', (_n, raw, expected) => {
    expect(normaliseJoinCode(raw)).toBe(expected);
  });

  it.each(['ABC10O', 'ABCDE', 'ABCDEFG', 'ABC DE'])('the schema refuses %p', (code) => {
    const r = joinCodeSchema.safeParse(code);
    expect(r.success).toBe(false);
    expect(zodIssues(r.error!)).toEqual([{ path: '', message: 'A join code is 6 letters and digits' }]);
  });
});
