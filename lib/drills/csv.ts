/**
 * CSV (RFC 4180) for the gradebook export: one row per student and question. Pure.
 * Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) get a leading apostrophe,
 * because names and answers are typed by students and the file is opened by the instructor (so does a cell that
 * starts with an apostrophe, so that csvValue reads every cell back to what was written).
 */
export const CSV_COLUMNS = [
  'drill',
  'student',
  'same_name',
  'attempt',
  'attempt_id',
  'status',
  'question',
  'kind',
  'difficulty',
  'seed',
  'answer',
  'score',
  'misconception',
  'misconception_label',
] as const;

export type CsvRecord = Record<(typeof CSV_COLUMNS)[number], string | number | null>;

/** What gets the guard: a formula start (=, +, -, @, tab, CR), or an apostrophe (so that csvValue is unambiguous). */
const GUARDED_START = /^[=+\-@\t\r']/;

export function csvCell(value: string | number | null): string {
  if (value == null) return '';
  let s = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && GUARDED_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The value a cell read back from this CSV stands for: without the apostrophe that guards a formula start (a
 * seed can begin with '-'; regenerating a question needs the seed itself).
 */
export function csvValue(cell: string): string {
  return cell.startsWith("'") && GUARDED_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

export function toCsv(records: Iterable<CsvRecord>): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of records) lines.push(CSV_COLUMNS.map((c) => csvCell(r[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}
