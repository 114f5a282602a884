/**
 * Reads one card file (YAML text). Every problem is reported with the file, the field path and, where the
 * YAML has the field (or its nearest parent), the line — so a malformed card names itself in the build log.
 */
import { isNode, LineCounter, parseDocument } from 'yaml';
import { formatIssue, formatPath, ROOT_PATH, zodRawIssues, type Issue } from '@/lib/validation/issues';
import { cardSchema, type InterviewCard } from './card-schema';

/** An Issue (path e.g. `keyPoints[2].text`; ROOT_PATH for the file as a whole) in one card file. */
export interface CardIssue extends Issue {
  file: string;
}

export type CardParseResult = { ok: true; card: InterviewCard } | { ok: false; issues: CardIssue[] };

/** `content/interview/x.yaml: keyPoints[2].text (line 9): …`; the file as a whole: `content/interview/x.yaml (line 3): …`. */
export function formatCardIssue(i: CardIssue): string {
  return formatIssue({ ...i, path: i.path === ROOT_PATH ? ROOT_PATH : `${i.file}: ${i.path}` }, i.file);
}

export function parseCardText(text: string, file: string): CardParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        file,
        path: ROOT_PATH,
        line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line,
        message: `not valid YAML: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  const value: unknown = doc.toJS();
  const parsed = cardSchema.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      issues: zodRawIssues(parsed.error).map((issue) => {
        const path = issue.path;
        // The deepest node that exists in the YAML: the field itself, else its parent (missing fields).
        let line: number | undefined;
        for (let n = path.length; n >= 0 && line === undefined; n -= 1) {
          const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
          if (isNode(node) && node.range) line = lineCounter.linePos(node.range[0]).line;
        }
        return { file, path: formatPath(path), ...(line ? { line } : {}), message: issue.message };
      }),
    };
  }
  const expectedId = file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
  if (parsed.data.id !== expectedId) {
    const node = doc.getIn(['id'], true);
    return {
      ok: false,
      issues: [
        {
          file,
          path: 'id',
          ...(isNode(node) && node.range ? { line: lineCounter.linePos(node.range[0]).line } : {}),
          message: `must match the file name ("${expectedId}"), got "${parsed.data.id}"`,
        },
      ],
    };
  }
  return { ok: true, card: parsed.data };
}
