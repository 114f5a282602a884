/**
 * Calendar days as 'YYYY-MM-DD' keys in the learner's time zone. Streaks and the history chart count
 * days, not 24-hour windows, so a review at 23:50 and one at 00:10 are two days.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

export type DayKey = string;
export const DAY_KEY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The calendar day of `date` in `timeZone` (an IANA name; undefined = the runtime's local zone).
 * The local zone is read from Date's own getters: creating the first Intl.DateTimeFormat loads ICU's zone
 * data, which cost 30 ms of the review page's start-up in a profile (2-core CI machine).
 */
export function dayKey(date: Date, timeZone?: string): DayKey {
  if (timeZone === undefined) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  }
  const parts = formatter(timeZone).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** `day` shifted by `delta` calendar days (pure date arithmetic, no time zone involved). */
export function addDays(day: DayKey, delta: number): DayKey {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + delta));
  return t.toISOString().slice(0, 10);
}

/** The `count` days ending with `last`, oldest first. */
export function dayRange(last: DayKey, count: number): DayKey[] {
  return Array.from({ length: count }, (_, i) => addDays(last, i - count + 1));
}
