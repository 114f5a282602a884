/**
 * Students are told apart by attempt, not by name: two students may give the same name (as `nameKey` folds
 * it). The instructor's views number them ("Dana (2)") so they stay two people. Pure; used by the gradebook on
 * the server and its table in the browser.
 */
/** Which of the students sharing a name this is: the n-th to start, of how many. */
export interface SameName {
  index: number;
  of: number;
}

/**
 * For each student (by studentId) whose name another student also gave: which of them it is, numbered by
 * first start. `attemptRows` in start order.
 */
export function sameNames(attemptRows: readonly { studentId: string; nameKey: string }[]): Map<string, SameName> {
  const studentsByName = new Map<string, string[]>();
  for (const t of attemptRows) {
    const ids = studentsByName.get(t.nameKey) ?? [];
    if (!ids.includes(t.studentId)) ids.push(t.studentId);
    studentsByName.set(t.nameKey, ids);
  }
  const out = new Map<string, SameName>();
  for (const ids of studentsByName.values()) if (ids.length > 1) ids.forEach((id, i) => out.set(id, { index: i + 1, of: ids.length }));
  return out;
}

/** The name as the instructor sees it: "Dana", or "Dana (2)" for the second student who gave that name. */
export function studentLabel(s: { name: string; sameName: SameName | null }): string {
  return s.sameName ? `${s.name} (${s.sameName.index})` : s.name;
}

