/**
 * Import problems (lib/learner) in words for people. Parser and schema messages can quote the
 * file ("Unexpected token 'h', "hello" is not valid JSON", unknown keys by name), and a file may hold
 * anything, so only the field path's shape and the kind of problem are shown, never the file's text.
 */
import { ROOT_PATH, type Issue } from '@/lib/validation/issues';

export type ImportIssue = Issue;

/** Keeps a path's structure, not its words: array indexes and known-safe names only (`a[3].b`; a quoted key is `[…]`). */
function safePath(path: string): string {
  return path
    .replace(/\["(?:[^"\\]|\\.)*"\]/g, '[…]')
    .split('.')
    .map((part) => (/^[a-zA-Z][a-zA-Z0-9_-]{0,30}(\[(\d+|…)\])*$/.test(part) ? part : '…'))
    .join('.');
}

function kindOf(message: string): string {
  if (/not valid JSON|is not JSON/i.test(message)) return 'it is not JSON';
  if (/must be a JSON object/i.test(message)) return 'it is not a JSON object';
  if (/this is not a review export|format/i.test(message)) return 'it is not an export from this site';
  if (/newer app/i.test(message)) return 'it was written by a newer version of this site';
  if (/version/i.test(message)) return 'its version number is not one this site wrote';
  if (/unrecognized key/i.test(message)) return 'a field this site never writes';
  if (/received undefined|required/i.test(message)) return 'a required field is missing';
  if (/expected/i.test(message)) return 'a value of the wrong type';
  return 'a value this site would not have written';
}

/** At most `max` lines, then "and N more". */
export function describeImportIssues(issues: ImportIssue[], max = 5): string[] {
  const lines = issues.slice(0, max).map((i) =>
    i.path === ROOT_PATH ? `The file cannot be imported: ${kindOf(i.message)}.` : `At ${safePath(i.path)}: ${kindOf(i.message)}.`,
  );
  if (issues.length > max) lines.push(`And ${issues.length - max} more problem${issues.length - max === 1 ? '' : 's'} like these.`);
  return [...new Set(lines)];
}
