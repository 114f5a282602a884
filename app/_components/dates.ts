/**
 * One date format everywhere a learner reads a date (/review, /progress): their own locale's medium date,
 * e.g. "8 Mar 2026" or "Mar 8, 2026", plus the time where it matters. Day keys ("2026-03-08") are local
 * days (lib/review/day.ts), so they are read as local dates, never as UTC midnight.
 * Formatters are made on first use: creating one loads ICU data, which pages without dates never need.
 */
let day: Intl.DateTimeFormat | undefined;
let dayShort: Intl.DateTimeFormat | undefined;
let dateTime: Intl.DateTimeFormat | undefined;

function localDay(key: string): Date {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/** "2026-03-08" → "Mar 8, 2026" (en-US), "8 Mar 2026" (en-GB), … */
export function formatDay(key: string): string {
  day ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  return day.format(localDay(key));
}

/** "2026-03-08" → "Mar 8" / "8 Mar": a chart's axis label. */
export function formatDayShort(key: string): string {
  dayShort ??= new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
  return dayShort.format(localDay(key));
}

/** An ISO instant → "Mar 8, 2026, 10:00 AM" in the learner's locale and zone. */
export function formatDateTime(iso: string): string {
  dateTime ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return dateTime.format(new Date(iso));
}
