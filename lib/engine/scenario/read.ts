/**
 * Scenario text (YAML or JSON) → `Scenario`, or every problem with its field path and line. Pure: the caller
 * reads the file. YAML is parsed with the `yaml` package (one document, unique keys, YAML 1.2 core schema);
 * JSON with JSON.parse, and located with the same YAML parser (JSON is valid YAML 1.2) so that schema issues
 * carry lines too.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { Scenario } from '../model';
import { formatPath, type PathSegment, type RawIssue, type Issue, type ScenarioResult } from './issues';
import { findJsonSyntaxError } from './json-syntax';
import { parseScenarioRaw } from './parse';
import { LIMITS } from './schema';

export type ScenarioFormat = 'yaml' | 'json';

/** Aliases expanded while converting YAML to data: a bound against "billion laughs" documents. */
const MAX_ALIAS_COUNT = 100;

export function readScenarioText(text: string, format: ScenarioFormat): ScenarioResult<Scenario> {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > LIMITS.textBytes)
    return fail([{ path: '', message: `the scenario is ${bytes} bytes; at most ${LIMITS.textBytes} are read (LIMITS.textBytes)` }]);
  if (text.trim() === '') return fail([{ path: '', line: 1, message: 'the scenario is empty' }]);

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, version: '1.2' });
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;

  let value: unknown;
  if (format === 'json') {
    try {
      value = JSON.parse(text);
    } catch (e) {
      const where = findJsonSyntaxError(text);
      if (!where) return fail([{ path: '', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }]);
      const { line, col } = lineCounter.linePos(where.offset);
      return fail([{ path: '', line, message: `not valid JSON at line ${line}, column ${col}: ${where.message}` }]);
    }
  } else {
    if (doc.errors.length > 0)
      return fail(
        doc.errors.map((err) => {
          const line = lineOf(err.pos[0]);
          const col = lineCounter.linePos(err.pos[0]).col;
          return { path: '', line, message: `YAML syntax error at line ${line}, column ${col}: ${firstSentence(err.message)}` };
        }),
      );
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      return fail([{ path: '', message: `YAML could not be converted: ${e instanceof Error ? e.message : String(e)}` }]);
    }
  }

  const result = parseScenarioRaw(value);
  if (result.ok) return result;
  const locatable = doc.errors.length === 0;
  return fail(
    result.issues.map((issue: RawIssue): Issue => {
      const line = locatable ? locate(doc, issue.path, lineOf) : undefined;
      return line === undefined ? { path: formatPath(issue.path), message: issue.message } : { path: formatPath(issue.path), line, message: issue.message };
    }),
  );
}

function fail(issues: Issue[]): ScenarioResult<Scenario> {
  return { ok: false, issues };
}

function firstSentence(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}

/**
 * The line of the field at `path`: the key's line when the last step is a mapping key; for a field that is
 * missing, the line of the closest enclosing field that exists.
 */
function locate(doc: Document, path: readonly PathSegment[], lineOf: (offset: number) => number): number | undefined {
  let node: unknown = doc.contents;
  let line: number | undefined = rangeLine(node, lineOf);
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) === String(seg) : p.key === seg));
      if (!pair) return line;
      line = rangeLine(pair.key, lineOf) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined) return line;
      line = rangeLine(item, lineOf) ?? line;
      node = item;
    } else {
      return line;
    }
  }
  return line;
}

function rangeLine(node: unknown, lineOf: (offset: number) => number): number | undefined {
  const range = (node as YamlNode | null)?.range;
  return range ? lineOf(range[0]) : undefined;
}
