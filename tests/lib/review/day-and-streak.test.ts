import { addDays, computeStreak, dayKey, dayRange } from '@/lib/review';

describe('dayKey', () => {
  it.each([
    ['2026-01-01T03:00:00Z', 'UTC', '2026-01-01'],
    ['2026-01-01T03:00:00Z', 'America/New_York', '2025-12-31'],
    ['2026-01-01T23:30:00Z', 'Asia/Tokyo', '2026-01-02'],
  ])('%s in %s is %s', (iso, tz, day) => {
    expect(dayKey(new Date(iso), tz)).toBe(day);
  });
});

describe('addDays / dayRange', () => {
  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-29', 7, '2026-04-05'],
  ])('%s %+d days is %s', (day, delta, expected) => {
    expect(addDays(day, delta)).toBe(expected);
  });

  it('lists the days ending with the last, oldest first', () => {
    expect(dayRange('2026-03-02', 3)).toEqual(['2026-02-28', '2026-03-01', '2026-03-02']);
  });
});

describe('computeStreak', () => {
  it.each([
    { name: 'no activity', days: [], current: 0, longest: 0, practisedToday: false },
    { name: 'only today', days: ['2026-03-10'], current: 1, longest: 1, practisedToday: true },
    {
      name: 'a run ending yesterday stays alive today',
      days: ['2026-03-07', '2026-03-08', '2026-03-09'],
      current: 3,
      longest: 3,
      practisedToday: false,
    },
    { name: 'a missed day breaks it', days: ['2026-03-07', '2026-03-08'], current: 0, longest: 2, practisedToday: false },
    {
      name: 'the longest run is remembered after a break',
      days: ['2026-02-01', '2026-02-02', '2026-02-03', '2026-02-04', '2026-03-09', '2026-03-10'],
      current: 2,
      longest: 4,
      practisedToday: true,
    },
    { name: 'a run across a month end', days: ['2026-02-27', '2026-02-28', '2026-03-01'], current: 0, longest: 3, practisedToday: false },
  ])('$name', ({ days, current, longest, practisedToday }) => {
    expect(computeStreak(days, '2026-03-10')).toEqual({ current, longest, practisedToday });
  });
});
