/**
 * A fast reader for the block YAML that kubectl prints (go-yaml's output: block mappings and sequences,
 * sequences under a key written at the key's indentation or deeper, plain, single- and double-quoted one-line
 * scalars, literal block scalars `|` and `|-`, the empty flow collections `{}` and `[]`, comments, `---`
 * between documents). The `yaml` package needs ~1 s per MB; this reads the same text ~50 times faster.
 *
 * Contract: for text it accepts, it returns exactly what `parseAllDocuments(text).map(d => d.toJS())` of the
 * `yaml` package returns (YAML 1.2, core schema); anything else — other YAML features, and every error —
 * returns null, and the caller reads the text with the `yaml` package, which also locates the error. So this
 * reader never reports an error and never accepts what the `yaml` package refuses (tests/lib/import compare
 * both on generated and on edge-case input).
 *
 * With `track`, it also records the 1-based line of each mapping key and sequence item, for error messages.
 */

/** Per container (object or array) of the result: the line of each key or index. */
export type LineTrack = WeakMap<object, Map<string | number, number>>;

/** Thrown, as a plain constant (no stack to capture), when the text leaves the subset. */
const UNSUPPORTED = { unsupported: true } as const;

/** Characters that make the text leave the subset: tabs, carriage returns not before \n, controls, BOM, Unicode line breaks. */
const OUTSIDE = /[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ufeff]/;
const PLAIN_KEY = /^[A-Za-z_][\w./-]*$/;
/** Plain keys the core schema resolves to null or a boolean (so the key string would change). */
const SCALAR_WORD_KEY = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
const MAX_IMPLICIT_KEY = 1024;

export function readKubectlYaml(source: string, track?: LineTrack): unknown[] | null {
  const text = source.includes('\r\n') ? source.replace(/\r\n/g, '\n') : source;
  if (OUTSIDE.test(text)) return null;
  try {
    return new Reader(text.split('\n'), track).documents();
  } catch (e) {
    if (e === UNSUPPORTED) return null;
    throw e;
  }
}

function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

/** `-` followed by a space or the end of the line, at `col`. */
function isSeqEntry(line: string, col: number): boolean {
  return line.charCodeAt(col) === 45 && (col + 1 === line.length || line.charCodeAt(col + 1) === 32);
}

/** The rest of a line after a scalar must be blank or a comment (a space then `#`). */
function checkRest(line: string, from: number): void {
  let c = from;
  while (line.charCodeAt(c) === 32) c++;
  if (c < line.length && !(line.charCodeAt(c) === 35 && c > from)) throw UNSUPPORTED;
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** A one-line double-quoted scalar starting at `col` (the quote): its value and the column after it. */
function doubleQuoted(line: string, col: number): { value: string; end: number } {
  let out = '';
  let from = col + 1;
  for (;;) {
    const q = line.indexOf('"', from);
    const b = line.indexOf('\\', from);
    if (q === -1) throw UNSUPPORTED; // continues on the next line
    if (b === -1 || q < b) return { value: out + line.slice(from, q), end: q + 1 };
    out += line.slice(from, b);
    const e = line[b + 1];
    if (e === undefined) throw UNSUPPORTED;
    const simple = ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      from = b + 2;
      continue;
    }
    const len = HEX_LENGTH[e];
    const hex = len === undefined ? '' : line.slice(b + 2, b + 2 + len);
    if (len === undefined || hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) throw UNSUPPORTED;
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) throw UNSUPPORTED;
    out += e === 'U' ? String.fromCodePoint(code) : String.fromCharCode(code);
    from = b + 2 + len;
  }
}

/** A one-line single-quoted scalar starting at `col` (the quote): `''` is a quote. */
function singleQuoted(line: string, col: number): { value: string; end: number } {
  let out = '';
  let from = col + 1;
  for (;;) {
    const q = line.indexOf("'", from);
    if (q === -1) throw UNSUPPORTED;
    out += line.slice(from, q);
    if (line.charCodeAt(q + 1) !== 39) return { value: out, end: q + 1 };
    out += "'";
    from = q + 2;
  }
}

const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/** A plain scalar resolved as the `yaml` package's core schema (YAML 1.2) resolves it. */
function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    if (INT.test(s)) return parseInt(s, 10);
    if (HEX.test(s)) return parseInt(s.slice(2), 16);
    if (OCT.test(s)) return parseInt(s.slice(2), 8);
    if (FLOAT.test(s) || FLOAT_EXP.test(s)) return parseFloat(s);
    if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
    return s;
  }
  switch (s) {
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
    default:
      return s;
  }
}

/** Characters a plain scalar may not start with (`-`, `?`, `:` only when followed by a space: checked apart). */
const PLAIN_FIRST_FORBIDDEN = new Set([',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

class Reader {
  private i = 0;
  private end = 0;
  private readonly keyOk = new Map<string, boolean>();

  constructor(
    private readonly lines: string[],
    private readonly track: LineTrack | undefined,
  ) {}

  /** Split at `---` lines: the part before the first marker is a document only if it has content. */
  documents(): unknown[] {
    const docs: unknown[] = [];
    let start = 0;
    let marked = false;
    const n = this.lines.length;
    for (let j = 0; j <= n; j++) {
      const line = j < n ? this.lines[j]! : null;
      if (line !== null) {
        const c = line.charCodeAt(0);
        if (c === 37) throw UNSUPPORTED; // % directive
        if (c === 46 && line.startsWith('...')) throw UNSUPPORTED; // document end marker
        if (c !== 45 || !line.startsWith('---') || !(line.length === 3 || line.charCodeAt(3) === 32)) continue;
        checkRest(line, 3);
      }
      const value = this.document(start, j);
      if (marked || value !== ABSENT) docs.push(value === ABSENT ? null : value);
      marked = true;
      start = j + 1;
    }
    return docs;
  }

  private document(start: number, end: number): unknown {
    this.i = start;
    this.end = end;
    if (!this.skipToContent()) return ABSENT;
    const line = this.lines[this.i]!;
    const value = this.blockNode(indentOf(line), -1);
    if (this.skipToContent()) throw UNSUPPORTED;
    return value;
  }

  /** Moves to the next line with content (not blank, not only a comment); false at the document's end. */
  private skipToContent(): boolean {
    while (this.i < this.end) {
      const line = this.lines[this.i]!;
      const c = line.charCodeAt(indentOf(line));
      if (!Number.isNaN(c) && c !== 35) return true;
      this.i++;
    }
    return false;
  }

  /** A node that starts on a later line (after `key:` or `-` with nothing behind), deeper than `parent`. */
  private nodeOnNextLines(parent: number, seqAtSameIndent: boolean): unknown {
    if (!this.skipToContent()) return null;
    const line = this.lines[this.i]!;
    const ind = indentOf(line);
    if (ind > parent) return this.blockNode(ind, parent);
    if (seqAtSameIndent && ind === parent && isSeqEntry(line, ind)) return this.sequence(ind);
    return null;
  }

  /** The node whose first character is at `col` of the current line. */
  private blockNode(col: number, parent: number): unknown {
    const line = this.lines[this.i]!;
    if (isSeqEntry(line, col)) return this.sequence(col);
    if (this.keyAt(line, col)) return this.mapping(col);
    return this.inlineValue(line, col, parent);
  }

  private sequence(indent: number): unknown[] {
    const out: unknown[] = [];
    const lines = this.track ? new Map<number, number>() : undefined;
    for (;;) {
      const line = this.lines[this.i]!;
      lines?.set(out.length, this.i + 1);
      let c = indent + 1;
      while (line.charCodeAt(c) === 32) c++;
      if (c >= line.length || line.charCodeAt(c) === 35) {
        this.i++;
        out.push(this.nodeOnNextLines(indent, false));
      } else out.push(this.blockNode(c, indent));
      if (!this.skipToContent()) break;
      const next = this.lines[this.i]!;
      const ind = indentOf(next);
      if (ind > indent) throw UNSUPPORTED;
      if (ind < indent || !isSeqEntry(next, indent)) break;
    }
    if (lines) this.track!.set(out, lines);
    return out;
  }

  private mapping(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const lines = this.track ? new Map<string, number>() : undefined;
    for (;;) {
      const line = this.lines[this.i]!;
      const key = this.keyAt(line, indent);
      if (!key) throw UNSUPPORTED;
      if (Object.hasOwn(out, key.key)) throw UNSUPPORTED; // the yaml package refuses duplicate keys
      lines?.set(key.key, this.i + 1);
      let c = key.after;
      while (line.charCodeAt(c) === 32) c++;
      if (c >= line.length || line.charCodeAt(c) === 35) {
        this.i++;
        out[key.key] = this.nodeOnNextLines(indent, true);
      } else out[key.key] = this.inlineValue(line, c, indent);
      if (!this.skipToContent()) break;
      const ind = indentOf(this.lines[this.i]!);
      if (ind > indent) throw UNSUPPORTED; // a plain scalar over several lines, or an error
      if (ind < indent) break;
    }
    if (lines) this.track!.set(out, lines);
    return out;
  }

  /** A mapping key at `col`: its text and the column after its `:` (which a space or the line's end follows). */
  private keyAt(line: string, col: number): { key: string; after: number } | null {
    const c = line.charCodeAt(col);
    if (c === 34 || c === 39) {
      const q = c === 34 ? doubleQuoted(line, col) : singleQuoted(line, col);
      let j = q.end;
      while (line.charCodeAt(j) === 32) j++;
      if (line.charCodeAt(j) !== 58 || !(j + 1 === line.length || line.charCodeAt(j + 1) === 32)) return null;
      if (q.value === '__proto__' || q.value === '<<' || j - col > MAX_IMPLICIT_KEY) throw UNSUPPORTED;
      return { key: q.value, after: j + 1 };
    }
    let j = line.indexOf(':', col);
    while (j !== -1 && !(j + 1 === line.length || line.charCodeAt(j + 1) === 32)) j = line.indexOf(':', j + 1);
    if (j === -1) return null;
    const key = line.slice(col, j).trimEnd();
    let ok = this.keyOk.get(key);
    if (ok === undefined) {
      ok = key.length <= MAX_IMPLICIT_KEY && PLAIN_KEY.test(key) && !SCALAR_WORD_KEY.test(key) && key !== '__proto__';
      this.keyOk.set(key, ok);
    }
    if (!ok) throw UNSUPPORTED;
    return { key, after: j + 1 };
  }

  /** A scalar (or `{}`, `[]`, a block scalar) starting at `col` of the current line; consumes its lines. */
  private inlineValue(line: string, col: number, parent: number): unknown {
    const c = line[col]!;
    if (c === '"' || c === "'") {
      const q = c === '"' ? doubleQuoted(line, col) : singleQuoted(line, col);
      checkRest(line, q.end);
      this.i++;
      return q.value;
    }
    if (c === '|') return this.literal(line, col, parent);
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      if (line[col + 1] !== close) throw UNSUPPORTED;
      checkRest(line, col + 2);
      this.i++;
      return c === '{' ? {} : [];
    }
    if (PLAIN_FIRST_FORBIDDEN.has(c)) throw UNSUPPORTED;
    if ((c === '-' || c === '?' || c === ':') && (col + 1 === line.length || line.charCodeAt(col + 1) === 32)) throw UNSUPPORTED;
    const hash = line.indexOf(' #', col);
    const text = (hash === -1 ? line.slice(col) : line.slice(col, hash)).trimEnd();
    if (text.includes(': ') || text.endsWith(':')) throw UNSUPPORTED;
    this.i++;
    return resolvePlain(text);
  }

  /** `|` or `|-` (clip or strip); the content is indented deeper than `parent`, by the first content line. */
  private literal(line: string, col: number, parent: number): string {
    const header = line[col + 1] === '-' ? '-' : '';
    checkRest(line, col + 1 + header.length);
    if (parent < 0) throw UNSUPPORTED;
    let j = this.i + 1;
    // Leading empty lines are content; whitespace-only lines are left to the yaml package.
    while (j < this.end && this.lines[j]!.length === 0) j++;
    const first = j < this.end ? this.lines[j]! : '';
    const n = indentOf(first);
    const content: string[] = [];
    if (j < this.end && n > parent && n < first.length) {
      for (let k = this.i + 1; k < j; k++) content.push('');
      for (; j < this.end; j++) {
        const l = this.lines[j]!;
        const ind = indentOf(l);
        if (ind === l.length) {
          if (ind > 0) throw UNSUPPORTED;
          content.push('');
        } else if (ind >= n) content.push(l.slice(n));
        else break;
      }
    } else if (j < this.end && indentOf(first) === first.length) throw UNSUPPORTED;
    else j = this.i + 1; // no content: the following lines belong to the parent
    this.i = j;
    let last = content.length;
    while (last > 0 && content[last - 1] === '') last--;
    if (last === 0) return '';
    const body = content.slice(0, last).join('\n');
    return header === '-' ? body : `${body}\n`;
  }
}

/** A document with no content (only comments), distinct from one whose value is null. */
const ABSENT = Symbol('absent');
