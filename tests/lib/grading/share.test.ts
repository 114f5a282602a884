import { parseShareInput, shareMatches, SHARE_TOLERANCE } from '@/lib/grading';

describe('parseShareInput', () => {
  it.each([
    ['1/6', 1 / 6, 'fraction'],
    [' 1 / 6 ', 1 / 6, 'fraction'],
    ['16.7%', 0.167, 'percent'],
    ['16.7 %', 0.167, 'percent'],
    ['0.1667', 0.1667, 'decimal'],
    ['.5', 0.5, 'decimal'],
    ['0,25', 0.25, 'decimal'],
    ['0', 0, 'fraction'],
    ['1', 1, 'fraction'],
  ])('reads %j as %d (%s)', (raw, value, form) => {
    const p = parseShareInput(raw);
    expect(p.ok).toBe(true);
    if (p.ok) {
      expect(p.form).toBe(form);
      expect(p.value).toBeCloseTo(value, 10);
    }
  });

  it.each([
    ['', /empty/],
    ['a third', /not a share/],
    ['1/0', /divides by zero/],
    ['150%', /more than the whole/],
    ['7/6', /more than the whole/],
    ['-0.2', /not a share/],
    ['1/6/2', /not a share/],
  ])('refuses %j and says why', (raw, reason) => {
    const p = parseShareInput(raw);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.reason).toMatch(reason);
  });
});

describe('shareMatches against an exact key', () => {
  it.each([
    ['1/6', '1/6', true],
    ['2/12', '1/6', true],
    ['16.7%', '1/6', true],
    ['0.1667', '1/6', true],
    ['17%', '1/6', true], // 0.33 points from 16.67%: inside the 0.5-point tolerance
    ['17.2%', '1/6', false],
    ['0.16', '1/6', false],
    ['1/5', '1/6', false], // a fraction is graded exactly
    ['33.3%', '1/3', true],
    ['0', '0', true],
    ['0.004', '0', true],
    ['0.006', '0', false],
  ])('%j for %j → %s', (given, expected, ok) => {
    expect(shareMatches(parseShareInput(given), expected)).toBe(ok);
  });

  it('uses a tolerance of half a percentage point', () => {
    expect(SHARE_TOLERANCE).toBe(0.005);
  });
});
