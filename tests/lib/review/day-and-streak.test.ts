import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addDays, computeStreak, dayKey, dayRange } from '@/lib/review';

describe('dayKey', () => {
  it.each([
    ['2026-01-01T03:00:00Z', 'UTC', '2026-01-01'],
    ['2026-01-01T03:00:00Z', 'America/New_York', '2025-12-31'],
    ['2026-01-01T23:30:00Z', 'Asia/Tokyo', '2026-01-02'],
  ])('%s in %s is %s', (iso, tz, day) => {
    expect(dayKey(new Date(iso), tz)).toBe(day);
  });

  // The local-zone path reads Date's getters; it must agree with Intl in every zone. A zone is a process
  // setting, so each one runs the same script in its own process (tsx), over every 37 minutes of 2026: both
  // DST changes and each zone's midnight at many offsets.
  describe('without a zone, it is the runtime’s local day', () => {
    let dir: string;
    let script: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'daykey-'));
      script = path.join(dir, 'check.ts');
      writeFileSync(
        script,
        `import { dayKey } from ${JSON.stringify(path.resolve(__dirname, '../../../lib/review/day.ts'))};
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const wrong: string[] = [];
for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 37 * 60_000) {
  const d = new Date(t);
  if (dayKey(d) !== dayKey(d, zone)) wrong.push(d.toISOString());
}
console.log(JSON.stringify({ zone, wrong: wrong.slice(0, 3) }));`,
      );
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it.each(['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'Australia/Lord_Howe'])(
      'TZ=%s',
      (zone) => {
        const out = execFileSync(path.resolve(__dirname, '../../../node_modules/.bin/tsx'), [script], {
          env: { ...process.env, TZ: zone },
          encoding: 'utf8',
        });
        const result = JSON.parse(out) as { zone: string; wrong: string[] };
        expect(result.wrong).toEqual([]);
        expect(result.zone === 'UTC').toBe(zone === 'UTC'); // the child really ran in the zone (ICU may alias its name)
      },
    );
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
    {
      name: 'a missed day breaks it',
      days: ['2026-03-07', '2026-03-08'],
      current: 0,
      longest: 2,
      practisedToday: false,
    },
    {
      name: 'the longest run is remembered after a break',
      days: ['2026-02-01', '2026-02-02', '2026-02-03', '2026-02-04', '2026-03-09', '2026-03-10'],
      current: 2,
      longest: 4,
      practisedToday: true,
    },
    {
      name: 'a run across a month end',
      days: ['2026-02-27', '2026-02-28', '2026-03-01'],
      current: 0,
      longest: 3,
      practisedToday: false,
    },
  ])('$name', ({ days, current, longest, practisedToday }) => {
    expect(computeStreak(days, '2026-03-10')).toEqual({ current, longest, practisedToday });
  });
});
