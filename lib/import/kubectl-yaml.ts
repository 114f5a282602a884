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

/**
 * Characters that make the text leave the subset: anything but \n and printable characters (so tabs, carriage
 * returns not before \n, C0 and C1 controls, U+2028/2029 and the BOM). A negated class is the fast one.
 */
const OUTSIDE = /[^\n\x20-\x7e\xa0-\u2027\u202a-\ufefe\uff00-\uffff]/;
const PLAIN_KEY = /^[A-Za-z_][\w./-]*$/;
/** Plain keys the core schema resolves to null or a boolean (so the key string would change). */
const SCALAR_WORD_KEY = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
const MAX_IMPLICIT_KEY = 1024;

export function readKubectlYaml(source: string, track?: LineTrack): unknown[] | null {
  const text = source.includes('\r\n') ? source.replace(/\r\n/g, '\n') : source;
  if (OUTSIDE.test(text)) return null;
  try {
    return new Reader(text, track).documents();
  } catch (e) {
    if (e === UNSUPPORTED) return null;
    throw e;
  }
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
const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;

/**
 * Works on offsets into the text (no per-line strings): `start[i]` is where line i begins, `ind[i]` its
 * indentation, or -1 for a line with no content (blank or only a comment). Positions are absolute.
 */
class Reader {
  private i = 0;
  private end = 0;
  private readonly start: Int32Array;
  private readonly ind: Int32Array;
  private readonly lineCount: number;
  private readonly keyOk = new Map<string, boolean>();

  constructor(
    private readonly text: string,
    private readonly track: LineTrack | undefined,
  ) {
    let n = 1;
    for (let p = text.indexOf('\n'); p !== -1; p = text.indexOf('\n', p + 1)) n++;
    this.lineCount = n;
    this.start = new Int32Array(n + 1);
    this.ind = new Int32Array(n);
    let p = 0;
    for (let i = 0; i < n; i++) {
      this.start[i] = p;
      const nl = text.indexOf('\n', p);
      const e = nl === -1 ? text.length : nl;
      let q = p;
      while (q < e && text.charCodeAt(q) === SPACE) q++;
      this.ind[i] = q === e || text.charCodeAt(q) === HASH ? -1 : q - p;
      p = e + 1;
    }
    this.start[n] = text.length + 1;
  }

  private lineEnd(i: number): number {
    return this.start[i + 1]! - 1;
  }

  /** Split at `---` lines: the part before the first marker is a document only if it has content. */
  documents(): unknown[] {
    const docs: unknown[] = [];
    const t = this.text;
    let first = 0;
    let marked = false;
    for (let j = 0; j <= this.lineCount; j++) {
      if (j < this.lineCount) {
        const p = this.start[j]!;
        const c = t.charCodeAt(p);
        if (c === 37) throw UNSUPPORTED; // % directive
        if (c === 46 && t.startsWith('...', p)) throw UNSUPPORTED; // document end marker
        if (c !== DASH || !t.startsWith('---', p)) continue;
        const e = this.lineEnd(j);
        if (!(p + 3 === e || t.charCodeAt(p + 3) === SPACE)) continue;
        this.checkRest(p + 3, e);
      }
      const value = this.document(first, j);
      if (marked || value !== ABSENT) docs.push(value === ABSENT ? null : value);
      marked = true;
      first = j + 1;
    }
    return docs;
  }

  private document(first: number, end: number): unknown {
    this.i = first;
    this.end = end;
    if (!this.skipToContent()) return ABSENT;
    const value = this.blockNode(this.start[this.i]! + this.ind[this.i]!, -1);
    if (this.skipToContent()) throw UNSUPPORTED;
    return value;
  }

  /** Moves to the next line with content; false at the document's end. */
  private skipToContent(): boolean {
    while (this.i < this.end && this.ind[this.i] === -1) this.i++;
    return this.i < this.end;
  }

  /** The rest of the line after a scalar must be blank or a comment (a space then `#`). */
  private checkRest(from: number, end: number): void {
    const t = this.text;
    let c = from;
    while (c < end && t.charCodeAt(c) === SPACE) c++;
    if (c < end && !(t.charCodeAt(c) === HASH && c > from)) throw UNSUPPORTED;
  }

  /** `-` followed by a space or the end of the line, at `p`. */
  private isSeqEntry(p: number, end: number): boolean {
    return this.text.charCodeAt(p) === DASH && (p + 1 === end || this.text.charCodeAt(p + 1) === SPACE);
  }

  /** A node that starts on a later line (after `key:` or `-` with nothing behind), deeper than `parent`. */
  private nodeOnNextLines(parent: number, seqAtSameIndent: boolean): unknown {
    if (!this.skipToContent()) return null;
    const ind = this.ind[this.i]!;
    const p = this.start[this.i]! + ind;
    if (ind > parent) return this.blockNode(p, parent);
    if (seqAtSameIndent && ind === parent && this.isSeqEntry(p, this.lineEnd(this.i))) return this.sequence(ind);
    return null;
  }

  /** The node whose first character is at position `p` of the current line. */
  private blockNode(p: number, parent: number): unknown {
    const col = p - this.start[this.i]!;
    if (this.isSeqEntry(p, this.lineEnd(this.i))) return this.sequence(col);
    if (this.keyAt(p)) return this.mapping(col);
    return this.inlineValue(p, parent);
  }

  private sequence(indent: number): unknown[] {
    const out: unknown[] = [];
    const t = this.text;
    const lines = this.track ? new Map<number, number>() : undefined;
    for (;;) {
      lines?.set(out.length, this.i + 1);
      const e = this.lineEnd(this.i);
      let c = this.start[this.i]! + indent + 1;
      while (c < e && t.charCodeAt(c) === SPACE) c++;
      if (c >= e || t.charCodeAt(c) === HASH) {
        this.i++;
        out.push(this.nodeOnNextLines(indent, false));
      } else out.push(this.blockNode(c, indent));
      if (!this.skipToContent()) break;
      const ind = this.ind[this.i]!;
      if (ind > indent) throw UNSUPPORTED;
      if (ind < indent || !this.isSeqEntry(this.start[this.i]! + ind, this.lineEnd(this.i))) break;
    }
    if (lines) this.track!.set(out, lines);
    return out;
  }

  private mapping(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const t = this.text;
    const lines = this.track ? new Map<string, number>() : undefined;
    for (;;) {
      if (!this.keyAt(this.start[this.i]! + indent)) throw UNSUPPORTED;
      const key = this.key;
      if (Object.hasOwn(out, key)) throw UNSUPPORTED; // the yaml package refuses duplicate keys
      lines?.set(key, this.i + 1);
      const e = this.lineEnd(this.i);
      let c = this.keyEnd;
      while (c < e && t.charCodeAt(c) === SPACE) c++;
      if (c >= e || t.charCodeAt(c) === HASH) {
        this.i++;
        out[key] = this.nodeOnNextLines(indent, true);
      } else out[key] = this.inlineValue(c, indent);
      if (!this.skipToContent()) break;
      const ind = this.ind[this.i]!;
      if (ind > indent) throw UNSUPPORTED; // a plain scalar over several lines, or an error
      if (ind < indent) break;
    }
    if (lines) this.track!.set(out, lines);
    return out;
  }

  /** Set by keyAt: the key's text and the position after its `:` (fields, not a returned object: no garbage). */
  private key = '';
  private keyEnd = 0;

  /** Whether a mapping key starts at `p` (its `:` followed by a space or the line's end); sets key and keyEnd. */
  private keyAt(p: number): boolean {
    const t = this.text;
    const e = this.lineEnd(this.i);
    const c = t.charCodeAt(p);
    if (c === 34 || c === 39) {
      const q = c === 34 ? this.doubleQuoted(p, e) : this.singleQuoted(p, e);
      let j = q.end;
      while (j < e && t.charCodeAt(j) === SPACE) j++;
      if (j >= e || t.charCodeAt(j) !== COLON || !(j + 1 === e || t.charCodeAt(j + 1) === SPACE)) return false;
      if (q.value === '__proto__' || q.value === '<<' || j - p > MAX_IMPLICIT_KEY) throw UNSUPPORTED;
      this.key = q.value;
      this.keyEnd = j + 1;
      return true;
    }
    let j = p;
    while (j < e && !(t.charCodeAt(j) === COLON && (j + 1 === e || t.charCodeAt(j + 1) === SPACE))) j++;
    if (j === e) return false;
    let k = j;
    while (k > p && t.charCodeAt(k - 1) === SPACE) k--;
    const key = t.slice(p, k);
    let ok = this.keyOk.get(key);
    if (ok === undefined) {
      ok = key.length <= MAX_IMPLICIT_KEY && PLAIN_KEY.test(key) && !SCALAR_WORD_KEY.test(key) && key !== '__proto__';
      this.keyOk.set(key, ok);
    }
    if (!ok) throw UNSUPPORTED;
    this.key = key;
    this.keyEnd = j + 1;
    return true;
  }

  /** A scalar (or `{}`, `[]`, a block scalar) starting at `p` of the current line; consumes its lines. */
  private inlineValue(p: number, parent: number): unknown {
    const t = this.text;
    const e = this.lineEnd(this.i);
    const c = t[p]!;
    if (c === '"' || c === "'") {
      const q = c === '"' ? this.doubleQuoted(p, e) : this.singleQuoted(p, e);
      this.checkRest(q.end, e);
      this.i++;
      return q.value;
    }
    if (c === '|') return this.literal(p, e, parent);
    if (c === '{' || c === '[') {
      if (t[p + 1] !== (c === '{' ? '}' : ']')) throw UNSUPPORTED;
      this.checkRest(p + 2, e);
      this.i++;
      return c === '{' ? {} : [];
    }
    if (PLAIN_FIRST_FORBIDDEN.has(c)) throw UNSUPPORTED;
    if ((c === '-' || c === '?' || c === ':') && (p + 1 === e || t.charCodeAt(p + 1) === SPACE)) throw UNSUPPORTED;
    // Up to a comment (space, #), less trailing spaces; `: ` or a final `:` would make it a mapping (an error here).
    let k = p;
    while (k < e && !(t.charCodeAt(k) === HASH && t.charCodeAt(k - 1) === SPACE)) {
      if (t.charCodeAt(k) === COLON && (k + 1 === e || t.charCodeAt(k + 1) === SPACE)) throw UNSUPPORTED;
      k++;
    }
    while (t.charCodeAt(k - 1) === SPACE) k--;
    const text = t.slice(p, k);
    this.i++;
    return resolvePlain(text);
  }

  /** `|` or `|-` (clip or strip); the content is indented deeper than `parent`, by the first content line. */
  private literal(p: number, e: number, parent: number): string {
    const t = this.text;
    const strip = t[p + 1] === '-';
    this.checkRest(p + 1 + (strip ? 1 : 0), e);
    if (parent < 0) throw UNSUPPORTED;
    const length = (i: number) => this.lineEnd(i) - this.start[i]!;
    let j = this.i + 1;
    // Leading empty lines are content; whitespace-only lines are left to the yaml package.
    while (j < this.end && length(j) === 0) j++;
    const content: string[] = [];
    const firstInd = j < this.end ? this.ind[j]! : -1;
    const blankish = j < this.end && firstInd === -1;
    if (blankish && t.charCodeAt(this.start[j]! + indentAt(t, this.start[j]!, this.lineEnd(j))) !== HASH) throw UNSUPPORTED; // whitespace only
    const n = blankish ? indentAt(t, this.start[j]!, this.lineEnd(j)) : firstInd;
    if (j < this.end && n > parent) {
      for (let k = this.i + 1; k < j; k++) content.push('');
      for (; j < this.end; j++) {
        const len = length(j);
        const s = this.start[j]!;
        const ind = indentAt(t, s, s + len);
        if (ind === len) {
          if (ind > 0) throw UNSUPPORTED;
          content.push('');
        } else if (ind >= n) content.push(t.slice(s + n, s + len));
        else break;
      }
    } else j = this.i + 1; // no content: the following lines belong to the parent
    this.i = j;
    let last = content.length;
    while (last > 0 && content[last - 1] === '') last--;
    if (last === 0) return '';
    const body = content.slice(0, last).join('\n');
    return strip ? body : `${body}\n`;
  }

  /** A one-line double-quoted scalar starting at `p` (the quote): its value and the position after it. */
  private doubleQuoted(p: number, e: number): { value: string; end: number } {
    const t = this.text.slice(0, e); // searches stay within the line (a sliced string: no copy)
    let out = '';
    let from = p + 1;
    for (;;) {
      const q = t.indexOf('"', from);
      if (q === -1) throw UNSUPPORTED; // continues on the next line
      const b = t.indexOf('\\', from);
      if (b === -1 || q < b) return { value: out + t.slice(from, q), end: q + 1 };
      out += t.slice(from, b);
      const esc = t[b + 1]!;
      const simple = ESCAPES[esc];
      if (simple !== undefined) {
        out += simple;
        from = b + 2;
        continue;
      }
      const len = HEX_LENGTH[esc];
      const hex = len === undefined ? '' : t.slice(b + 2, Math.min(b + 2 + len, e));
      if (len === undefined || hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) throw UNSUPPORTED;
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) throw UNSUPPORTED;
      out += esc === 'U' ? String.fromCodePoint(code) : String.fromCharCode(code);
      from = b + 2 + len;
    }
  }

  /** A one-line single-quoted scalar starting at `p` (the quote): `''` is a quote. */
  private singleQuoted(p: number, e: number): { value: string; end: number } {
    const t = this.text.slice(0, e);
    let out = '';
    let from = p + 1;
    for (;;) {
      const q = t.indexOf("'", from);
      if (q === -1) throw UNSUPPORTED;
      out += t.slice(from, q);
      if (t.charCodeAt(q + 1) !== 39 || q + 1 >= e) return { value: out, end: q + 1 };
      out += "'";
      from = q + 2;
    }
  }
}

/** Spaces from `from` up to `end`. */
function indentAt(t: string, from: number, end: number): number {
  let q = from;
  while (q < end && t.charCodeAt(q) === SPACE) q++;
  return q - from;
}

/** A document with no content (only comments), distinct from one whose value is null. */
const ABSENT = Symbol('absent');
