/** Per-day review counts for the history chart and its text equivalent. */
import { dayRange, type DayKey } from './day';
import type { HistoryEntry } from './review-data';

export interface DayCount {
  day: DayKey;
  total: number;
  /** Reviews rated Again (forgotten or answered wrongly). */
  again: number;
  /** Reviews rated Hard, Good or Easy. */
  recalled: number;
}

export function dailyCounts(history: readonly HistoryEntry[], today: DayKey, days: number): DayCount[] {
  const byDay = new Map<DayKey, DayCount>();
  for (const day of dayRange(today, days)) byDay.set(day, { day, total: 0, again: 0, recalled: 0 });
  for (const h of history) {
    const c = byDay.get(h.day);
    if (!c) continue;
    c.total += 1;
    if (h.rating === 'again') c.again += 1;
    else c.recalled += 1;
  }
  return [...byDay.values()];
}

export function activeDays(history: readonly HistoryEntry[]): DayKey[] {
  return [...new Set(history.map((h) => h.day))];
}
