/**
 * @jest-environment node
 *
 * The fast reader of kubectl's YAML against the `yaml` package, the reference: for every text the reader
 * accepts, the values are the same as parseAllDocuments(text).map(toJS); text outside its subset (and every
 * error) is left to the `yaml` package (null). The accepting cases also prove that the fast path is taken.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';
import { readKubectlYaml, type LineTrack } from '@/lib/import/kubectl-yaml';

function reference(text: string): { ok: true; values: unknown[] } | { ok: false } {
  const docs = parseAllDocuments(text, { version: '1.2' });
  const list = Array.isArray(docs) ? docs : [];
  if (list.some((d) => d.errors.length > 0)) return { ok: false };
  return { ok: true, values: list.map((d) => d.toJS({ maxAliasCount: 100 })) };
}

const fixture = (file: string) => readFileSync(join(process.cwd(), 'tests/fixtures/import', file), 'utf8');

/** Text the reader must accept, as kubectl (go-yaml) writes it, or as YAML writes documents and scalars. */
const ACCEPTED: [string, string][] = [
  ['the kind fixture', fixture('kind.yaml')],
  ['the EKS fixture (three documents)', fixture('eks.yaml')],
  ['one document', 'a: 1\n'],
  ['a leading ---', '---\na: 1\n'],
  ['a comment before ---', '# c\n---\na: 1'],
  ['two documents', 'a: 1\n---\nb: 2\n'],
  ['a trailing --- (an empty document)', 'a: 1\n---\n'],
  ['only --- markers', '---\n---\n'],
  ['a comment after ---', '--- # c\na: 1\n'],
  ['only comments', '# only\n'],
  ['CRLF line ends', 'a: 1\r\nb:\r\n- x\r\n'],
  ['numbers, null and booleans (core schema)', 'k: -1\nj: -.5\nl: 0o17\nm: 0x1F\nn: 1e3\no: +5\np: 00012\nq: 1_000\nr: .inf\ns: 1.0\nt: -0\nu: ~\nv: Null\nw: TRUE\nx: yes\ny: .NaN\nz: 1.5e-3\n'],
  ['strings that look like other types', 'a: "80"\nb: \'true\'\nc: ""\nd: \'\'\ne: 0x\nf: 1.2.3\ng: 0o8\n'],
  ['sequences at the key\'s indentation and deeper', 'a:\n- 1\n- b: 2\n  c: 3\n-\n  d: 4\n- - x\n  - y\ne: {}\nf: []\ng:\n  - 1\n  -   2\n'],
  ['escapes in double quotes', 'a: "x\\ty\\u00e9\\"\\\\\\/\\x41\\U0001F600\\0\\e\\N\\_\\ "\nb: "a # not a comment"\n'],
  ['single quotes', "a: 'it''s' # c\nb: 'x: y'\n'quoted key': 1\n\"dq key\": 2\n"],
  ['literal block scalars', 'a:\n  b: |\n    line1\n\n    # not a comment\n      deeper\n  c: |-\n    x\n    y\n\n  d: |\n\n    after a blank\n  e: |\n  f: 2\n'],
  ['a literal in a sequence', '- |\n x\n- |-\n  y\n'],
  ['plain scalars with indicators inside', 'a: foo, bar [x] {y}\nb: ?x\nc: -x\nd: :x\ne: http://h:80/p#f\nf: a#b\ng: x # comment\n'],
  ['a scalar on the next line', 'a:\n  hello\nb: 1\n'],
  ['empty values', 'a:\nb: # c\n- x\nc:\n'],
  ['empty sequence items', '- a\n-\n- c\n'],
  ['a root sequence and a root scalar', '- 1\n---\nhello\n'],
  ['keys with dots, slashes and dashes', 'kubernetes.io/hostname: n\nnode-role.kubernetes.io/control-plane: ""\n_x: 1\nconstructor: 2\n'],
];

/** Text outside the subset or not YAML: the reader declines, the `yaml` package decides. */
const DECLINED: [string, string][] = [
  ['a plain scalar over two lines', 'a: one\n  two\n'],
  ['a double-quoted scalar over two lines', 'a: "one\n  two"\n'],
  ['a folded block scalar', 'a: >\n  x\n'],
  ['a keep-chomping literal', 'a: |+\n  x\n\n'],
  ['an indentation indicator', 'a: |2\n   x\n'],
  ['a whitespace-only line in a literal', 'a: |\n  x\n   \n'],
  ['anchors and aliases', 'a: &x 1\nb: *x\n'],
  ['tags', 'a: !!str 1\n'],
  ['a flow mapping with content', 'a: {b: 1}\n'],
  ['a flow sequence with content', 'a: [1, 2]\n'],
  ['a complex key', '? a\n: 1\n'],
  ['a null key', 'null: 1\n'],
  ['a boolean key', 'True: 1\n'],
  ['a numeric key', '80: http\n'],
  ['a merge key', '<<: {}\n'],
  ['a __proto__ key', '__proto__: 1\n'],
  ['a tab', 'a:\tb\n'],
  ['a BOM', '\ufeffa: 1\n'],
  ['a directive', '%YAML 1.2\n---\na: 1\n'],
  ['a document end marker', 'a: 1\n...\n'],
  ['content after ---', '--- a: 1\n'],
  ['duplicate keys (an error)', 'a: 1\na: 2\n'],
  ['a mapping on a value line (an error)', 'a: b: c\n'],
  ['bad indentation (an error)', 'a:\n    b: 1\n  c: 2\n'],
  ['an unterminated quote (an error)', 'a: "x\n'],
  ['a sequence after a mapping entry (an error)', 'a: 1\n- b\n'],
  ['a bad escape (an error)', 'a: "\\q"\n'],
  ['text after a quoted scalar (an error)', 'a: "x" y\n'],
  ['a sequence entry on a value line (an error)', 'a: - b\n'],
];

describe('readKubectlYaml: what it accepts reads exactly as the yaml package reads it', () => {
  it.each(ACCEPTED)('%s', (_name, text) => {
    const fast = readKubectlYaml(text);
    const ref = reference(text);
    expect(ref.ok).toBe(true);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(ref.ok ? ref.values : undefined);
  });
});

describe('readKubectlYaml: everything else is left to the yaml package', () => {
  it.each(DECLINED)('%s', (_name, text) => {
    expect(readKubectlYaml(text)).toBeNull();
  });
  it('the errors among them are errors for the yaml package too (so they are located there)', () => {
    for (const [name, text] of DECLINED.filter(([n]) => n.endsWith('(an error)'))) expect([name, reference(text).ok]).toEqual([name, false]);
  });
});

/** Keys as kubectl's objects have them: plain, dotted, prefixed. */
const plainKey = fc.oneof(fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,8}$/), fc.stringMatching(/^[a-z]{1,6}\.[a-z]{1,6}\.io\/[a-z][a-z-]{0,6}[a-z]$/));
/** …and keys a writer must quote or cannot write plainly. */
const anyKey = fc.oneof(plainKey, fc.constantFrom('80', 'true', 'null', 'a b', 'x: y', '-', '#', ''));
/** Single-line strings: printable ASCII, including the characters that force quoting. */
const line = fc.stringMatching(/^[ -~]{0,24}$/);
const scalar = fc.oneof(line, fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.constantFrom('', '0', '-1', '1e3', '~', 'True', 'a: b', ' #', '- x', '"q"', "'s'"));
const valueWith = (key: fc.Arbitrary<string>) =>
  fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
    list: fc.array(tie('node'), { maxLength: 4 }),
    map: fc.dictionary(key, tie('node'), { maxKeys: 5 }),
  })).node;

describe('readKubectlYaml on generated documents', () => {
  it('equals the yaml package on whatever it accepts, any keys, any strings, either sequence style', () => {
    fc.assert(
      fc.property(valueWith(anyKey), fc.boolean(), fc.string({ maxLength: 30 }), (v, indentSeq, s) => {
        const text = stringify({ items: [v], note: s }, { indentSeq }) + (indentSeq ? '---\n' : '');
        const fast = readKubectlYaml(text);
        if (fast === null) return;
        const ref = reference(text);
        expect(ref.ok).toBe(true);
        expect(fast).toEqual(ref.ok ? ref.values : undefined);
      }),
      { numRuns: 400 },
    );
  });
  it('accepts every kubectl-style document with plain keys and one-line strings (the fast path is the usual one)', () => {
    fc.assert(
      fc.property(valueWith(plainKey), (v) => {
        const text = stringify({ apiVersion: 'v1', kind: 'List', items: [v] }, { indentSeq: false, lineWidth: 0 });
        const ref = reference(text);
        expect(ref.ok).toBe(true);
        expect(readKubectlYaml(text)).toEqual(ref.ok ? ref.values : undefined);
      }),
      { numRuns: 300 },
    );
  });
});

describe('readKubectlYaml: line tracking', () => {
  it('records the line of every key and item', () => {
    const track: LineTrack = new WeakMap();
    const text = 'kind: List\nitems:\n- kind: Node\n  metadata:\n    name: a\n\n# c\n- kind: Pod\n  spec:\n    ports:\n    - port: 80\n';
    const [doc] = readKubectlYaml(text, track) as [{ items: [object, { spec: { ports: [object] } }] }];
    expect(track.get(doc)).toEqual(new Map([['kind', 1], ['items', 2]]));
    expect(track.get(doc.items)).toEqual(new Map([[0, 3], [1, 8]]));
    expect(track.get(doc.items[1].spec.ports)?.get(0)).toBe(11);
    expect(track.get(doc.items[1].spec.ports[0])?.get('port')).toBe(11);
  });
});
