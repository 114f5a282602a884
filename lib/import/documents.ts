/**
 * kubectl output text → the Kubernetes objects in it, each with where it came from. Accepts what
 * `kubectl get … -o yaml|json` prints (a `List`, or a single object) and several such documents one after
 * another (YAML `---` separated, or JSON values pasted back to back are not supported: JSON is one value).
 * Lines are found only when something is wrong (locating is slow on large inputs).
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, parseDocument, type Document } from 'yaml';
import { findJsonSyntaxError } from '@/lib/engine/scenario/json-syntax';
import { formatPath, type PathSegment } from '@/lib/validation/issues';
import type { ImportIssue } from './issues';
import { readKubectlYaml, type LineTrack } from './kubectl-yaml';

/** One object of the input: `document` is 1-based; `path` leads from the document's root to the object. */
export interface KubeObject {
  document: number;
  path: PathSegment[];
  kind: string;
  value: Record<string, unknown>;
}

export interface ReadDocuments {
  objects: KubeObject[];
  /** The line of `path` in document `document` (1-based, in the whole text), when it can be found. */
  lineOf: (document: number, path: readonly PathSegment[]) => number | undefined;
}

const MAX_ALIAS_COUNT = 100;
/** kubectl prints `kind: List` for several resource types, and `<Kind>List` for one type via the API. */
const LIST_KIND = /^(\w*)List$/;

export function readDocuments(text: string): { ok: true; read: ReadDocuments } | { ok: false; issues: ImportIssue[] } {
  if (text.trim() === '') return { ok: false, issues: [{ document: 1, path: '', line: 1, message: 'the input is empty: paste what `kubectl get nodes,pods,services,endpointslices -A -o yaml` prints' }] };
  const head = text.trimStart()[0];
  return head === '{' || head === '[' ? readJson(text) : readYaml(text);
}

function readJson(text: string): { ok: true; read: ReadDocuments } | { ok: false; issues: ImportIssue[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const where = findJsonSyntaxError(text);
    if (!where) return { ok: false, issues: [{ document: 1, path: '', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }] };
    const { line, col } = new LineCounterAt(text).pos(where.offset);
    return { ok: false, issues: [{ document: 1, path: '', line, message: `not valid JSON at line ${line}, column ${col}: ${where.message}` }] };
  }
  let located: { doc: Document; lines: LineCounter } | undefined;
  const lineOf = (_document: number, path: readonly PathSegment[]) => {
    if (!located) {
      const lines = new LineCounter();
      located = { doc: parseDocument(text, { lineCounter: lines, version: '1.2' }), lines };
    }
    return locate(located.doc, path, located.lines);
  };
  return collect([value], lineOf);
}

function readYaml(text: string): { ok: true; read: ReadDocuments } | { ok: false; issues: ImportIssue[] } {
  // kubectl's own YAML: the fast reader (kubectl-yaml.ts); anything else, errors included, the yaml package.
  const fast = readKubectlYaml(text);
  if (fast) {
    let located: { docs: unknown[]; track: LineTrack } | undefined;
    return collect(fast, (document, path) => {
      if (!located) {
        const track: LineTrack = new WeakMap();
        located = { docs: readKubectlYaml(text, track) ?? [], track };
      }
      return locateTracked(located.docs[document - 1], path, located.track);
    });
  }
  const lines = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, version: '1.2' });
  const docs = Array.isArray(parsed) ? parsed : [];
  const syntax: ImportIssue[] = [];
  docs.forEach((doc, i) => {
    for (const err of doc.errors) {
      const { line, col } = lines.linePos(err.pos[0]);
      syntax.push({ document: i + 1, path: '', line, message: `not YAML: syntax error at line ${line}, column ${col}: ${err.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}` });
    }
  });
  if (syntax.length > 0) return { ok: false, issues: syntax };
  const values: unknown[] = [];
  for (const [i, doc] of docs.entries()) {
    try {
      values.push(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
    } catch (e) {
      return { ok: false, issues: [{ document: i + 1, path: '', message: `YAML could not be converted: ${e instanceof Error ? e.message : String(e)}` }] };
    }
  }
  return collect(values, (document, path) => {
    const doc = docs[document - 1];
    return doc ? locate(doc, path, lines) : undefined;
  });
}

/** Flattens Lists; empty documents (a trailing `---`) are skipped; anything else must be an object with a kind. */
function collect(values: unknown[], lineOf: ReadDocuments['lineOf']): { ok: true; read: ReadDocuments } | { ok: false; issues: ImportIssue[] } {
  const objects: KubeObject[] = [];
  const issues: ImportIssue[] = [];
  const problem = (document: number, path: PathSegment[], message: string) => {
    const line = lineOf(document, path);
    issues.push(line === undefined ? { document, path: formatPath(path), message } : { document, path: formatPath(path), line, message });
  };
  values.forEach((value, i) => {
    const document = i + 1;
    if (value === null || value === undefined) return;
    if (!isRecord(value)) {
      problem(document, [], `not a Kubernetes object: expected a mapping with apiVersion and kind, got ${Array.isArray(value) ? 'a list' : typeof value}`);
      return;
    }
    const kind = value.kind;
    if (typeof kind !== 'string' || kind === '') {
      problem(document, ['kind'], 'not a Kubernetes object: it has no kind (expected a List, Node, Pod, Service, EndpointSlice or ConfigMap)');
      return;
    }
    const list = LIST_KIND.exec(kind);
    if (!list) {
      objects.push({ document, path: [], kind, value });
      return;
    }
    const items = value.items;
    if (!Array.isArray(items)) {
      problem(document, ['items'], `a ${kind} must have items (a list), got ${items === undefined ? 'nothing' : typeof items}`);
      return;
    }
    const itemKind = list[1] ?? '';
    items.forEach((item, j) => {
      const path: PathSegment[] = ['items', j];
      if (!isRecord(item)) {
        problem(document, path, 'a List item must be a Kubernetes object (a mapping)');
        return;
      }
      // Typed lists (PodList …) may leave kind out of their items; kubectl's List always writes it.
      const k = typeof item.kind === 'string' && item.kind !== '' ? item.kind : itemKind;
      if (k === '') {
        problem(document, [...path, 'kind'], 'a List item has no kind');
        return;
      }
      objects.push({ document, path, kind: k, value: item });
    });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, read: { objects, lineOf } };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The line of the node at `path`, or of the closest enclosing node that exists (a missing field). */
function locate(doc: Document, path: readonly PathSegment[], lines: LineCounter): number | undefined {
  let node: unknown = doc.contents;
  let offset = (node as { range?: [number] } | null)?.range?.[0];
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      offset = (pair.key as { range?: [number] }).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg] !== undefined) {
      node = node.items[seg];
      offset = (node as { range?: [number] } | null)?.range?.[0] ?? offset;
    } else break;
  }
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

/** The line of `path` as the fast reader recorded it, or of the closest enclosing key or item that exists. */
function locateTracked(root: unknown, path: readonly PathSegment[], track: LineTrack): number | undefined {
  let node = root;
  let line: number | undefined;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') break;
    const at = track.get(node)?.get(seg);
    if (at === undefined) break;
    line = at;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return line ?? (root !== null && typeof root === 'object' ? firstLine(root, track) : undefined);
}

/** The first line of a container: of its first key or item. */
function firstLine(node: object, track: LineTrack): number | undefined {
  const lines = track.get(node);
  return lines ? Math.min(...lines.values()) : undefined;
}

/** Line and column of an offset without building a YAML document. */
class LineCounterAt {
  constructor(private readonly text: string) {}
  pos(offset: number): { line: number; col: number } {
    const before = this.text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, col: offset - before.lastIndexOf('\n') };
  }
}
