/**
 * CSV (RFC 4180) for the gradebook export: one row per student and question. Pure.
 * Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) get a leading apostrophe,
 * because names and answers are typed by students and the file is opened by the instructor.
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

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  if (value == null) return '';
  let s = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(records: Iterable<CsvRecord>): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of records) lines.push(CSV_COLUMNS.map((c) => csvCell(r[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}
