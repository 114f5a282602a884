/**
 * Daily streak: consecutive calendar days with at least one review. Today not yet practised does not
 * break the streak (it is still alive until the day ends); a whole day missed does.
 */
import { addDays, type DayKey } from './day';

export interface Streak {
  current: number;
  longest: number;
  /** Whether today already counts. */
  practisedToday: boolean;
}

export function computeStreak(days: Iterable<DayKey>, today: DayKey): Streak {
  const set = new Set(days);
  const practisedToday = set.has(today);
  let current = 0;
  let cursor = practisedToday ? today : addDays(today, -1);
  while (set.has(cursor)) {
    current += 1;
    cursor = addDays(cursor, -1);
  }
  let longest = 0;
  for (const day of set) {
    if (set.has(addDays(day, -1))) continue; // not the start of a run
    let run = 0;
    let d = day;
    while (set.has(d)) {
      run += 1;
      d = addDays(d, 1);
    }
    longest = Math.max(longest, run);
  }
  return { current, longest, practisedToday };
}
