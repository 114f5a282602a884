/**
 * kube-proxy's nftables table as `nft list table ip kube-proxy` prints it back from the kernel (issue 14), built
 * from the transaction renderNftables produces. The layout follows nftables' src/rule.c (table_print,
 * set_print_declaration, do_set_print, chain_print_declaration, prio2str) and src/expression.c (calculate_delim):
 * the table comment, then every named set and map, then every chain, one blank line between objects, one tab per
 * level; base chains as "type T hook H priority NAME ± N; policy accept;" (standard priority names within ±10 of
 * raw/mangle/dstnat/filter/security/srcnat when the hook allows them); elements sorted by value (nft sorts what
 * it lists), maps and element comments one element per line, address sets two per line.
 * What kube-proxy writes in one form and nft prints in another is translated: "mark set mark or M" →
 * "meta mark set meta mark | 0x0000M", "mark and M == 0" → "meta mark & M == 0x00000000", one-element anonymous
 * sets lose their braces, anonymous sets and vmaps are joined with ", ", set timeouts print as "3h".
 * Objects appear in the order a freshly started kube-proxy creates them (the kernel lists them in creation order).
 */
import { ipv4ToInt } from '../net';

interface NftSet {
  kind: 'set' | 'map';
  name: string;
  /** "type …" and other declaration lines, in nft's order. */
  declaration: string[];
  isMap: boolean;
  elements: { key: string; value: string | null; comment: string | null }[];
}

interface NftChain {
  name: string;
  comment: string | null;
  base: { type: string; hook: string; priority: number } | null;
  rules: string[];
}

const PREFIX = 'add ';
const TABLE = 'ip kube-proxy';

/** nftables std_prios (family ip), with the hooks each name is valid for (std_prio_family_hook_compat). */
const STD_PRIOS: { value: number; name: string; hooks: readonly string[] | null }[] = [
  { value: -300, name: 'raw', hooks: null },
  { value: -150, name: 'mangle', hooks: null },
  { value: -100, name: 'dstnat', hooks: ['prerouting', 'output'] },
  { value: 0, name: 'filter', hooks: null },
  { value: 50, name: 'security', hooks: null },
  { value: 100, name: 'srcnat', hooks: ['input', 'postrouting'] },
];

/** nftables prio2str: the first standard priority within 10 names it, unless the hook forbids that name. */
export function nftPriority(priority: number, hook: string): string {
  for (const std of STD_PRIOS) {
    const offset = priority - std.value;
    if (Math.abs(offset) > 10) continue;
    if (std.hooks && !std.hooks.includes(hook)) break;
    return offset === 0 ? std.name : `${std.name} ${offset > 0 ? '+' : '-'} ${Math.abs(offset)}`;
  }
  return String(priority);
}

/** nftables time_print: "3h", "1d2h3m4s". */
export function nftTime(seconds: number): string {
  const units: [number, string][] = [
    [86400, 'd'],
    [3600, 'h'],
    [60, 'm'],
    [1, 's'],
  ];
  let rest = seconds;
  let out = '';
  for (const [size, unit] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out || '0s';
}

const hex8 = (v: string) => `0x${parseInt(v, 16).toString(16).padStart(8, '0')}`;

const PROTO_NUMBER: Record<string, number> = { tcp: 6, udp: 17, sctp: 132 };

/** One component of a set key as a sortable number (address, protocol or port). */
function componentValue(part: string): number {
  if (part in PROTO_NUMBER) return PROTO_NUMBER[part]!;
  if (/^\d+$/.test(part)) return Number(part);
  const [addr, bits] = part.split('/');
  return ipv4ToInt(addr!) * 64 + (bits === undefined ? 32 : Number(bits));
}

/** Orders keys ("10.0.0.1 . tcp . 80") as nft does: by value, component by component. */
export function compareNftKeys(a: string, b: string): number {
  const pa = a.split(' . ');
  const pb = b.split(' . ');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const d = componentValue(pa[i]!) - componentValue(pb[i]!);
    if (d !== 0) return d;
  }
  return pa.length - pb.length;
}

/** An anonymous set in a rule, "{ a , b }", as nft lists it: sorted, ", "-joined, braces gone for one element. */
function anonymousSet(body: string): string {
  const items = body
    .split(' , ')
    .map((s) => s.trim())
    .sort(compareNftKeys);
  return items.length === 1 ? items[0]! : `{ ${items.join(', ')} }`;
}

/** One rule of kube-proxy's transaction in nft's listing syntax. */
export function nftListRule(rule: string): string {
  let m: RegExpMatchArray | null;
  if ((m = rule.match(/^mark set mark or (0x[0-9a-f]+)$/))) return `meta mark set meta mark | ${hex8(m[1]!)}`;
  if ((m = rule.match(/^mark set mark xor (0x[0-9a-f]+)$/)))
    return `meta mark set meta mark ^ ${hex8(m[1]!)}`;
  if ((m = rule.match(/^mark and (0x[0-9a-f]+) == 0 return$/)))
    return `meta mark & ${hex8(m[1]!)} == 0x00000000 return`;
  // vmaps keep their braces; anonymous address sets are normalised.
  return rule
    .replace(/vmap \{ (.*) \}/, (_, body: string) => `vmap { ${body.split(' , ').join(', ')} }`)
    .replace(
      /(saddr|daddr) (!= )?\{ ([^}]*) \}/g,
      (_, dir: string, neg: string | undefined, body: string) => `${dir} ${neg ?? ''}${anonymousSet(body)}`,
    );
}

/** Splits `{ a ; b ; comment "c" ; }` into its statements. */
function specParts(spec: string): string[] {
  return spec
    .replace(/^\{\s*/, '')
    .replace(/\s*\}$/, '')
    .split(' ; ')
    .map((s) => s.replace(/\s*;$/, '').trim())
    .filter(Boolean);
}

/** Parses the transaction lines (the `nft -f` input kube-proxy writes) into the table's objects. */
function parseTransaction(lines: readonly string[]) {
  let tableComment: string | null = null;
  const sets = new Map<string, NftSet>();
  const chains = new Map<string, NftChain>();
  const head = `${PREFIX}`;
  for (const line of lines) {
    if (!line.startsWith(head)) continue;
    const [verb, ...rest] = line.slice(head.length).split(' ');
    const afterTable = rest.slice(2).join(' '); // drop "ip kube-proxy"
    if (verb === 'table') {
      const c = afterTable.match(/comment "([^"]*)"/);
      tableComment = c ? c[1]! : null;
    } else if (verb === 'set' || verb === 'map') {
      const name = afterTable.slice(0, afterTable.indexOf(' '));
      const parts = specParts(afterTable.slice(name.length + 1));
      const declaration: string[] = [];
      let flags: string[] = [];
      let timeout: string | null = null;
      let comment: string | null = null;
      for (const p of parts) {
        if (p.startsWith('type ')) declaration.push(p);
        else if (p.startsWith('flags ')) flags = p.slice(6).split(',');
        else if (p.startsWith('timeout ')) timeout = p.slice(8);
        else if (p.startsWith('comment ')) comment = p;
      }
      // set_print_declaration: "timeout" is dropped from the flags when a default timeout exists.
      if (timeout) flags = flags.filter((f) => f !== 'timeout');
      const order = ['constant', 'dynamic', 'interval', 'timeout'];
      flags = flags.filter((f) => order.includes(f)).sort((a, b) => order.indexOf(a) - order.indexOf(b));
      if (flags.length) declaration.push(`flags ${flags.join(',')}`);
      if (timeout) declaration.push(`timeout ${nftTime(Number(timeout.replace(/s$/, '')))}`);
      if (comment) declaration.push(comment);
      sets.set(name, { kind: verb, name, declaration, isMap: verb === 'map', elements: [] });
    } else if (verb === 'chain') {
      const space = afterTable.indexOf(' ');
      const name = space < 0 ? afterTable : afterTable.slice(0, space);
      const chain: NftChain = { name, comment: null, base: null, rules: [] };
      if (space >= 0) {
        for (const p of specParts(afterTable.slice(space + 1))) {
          const base = p.match(/^type (\S+) hook (\S+) priority (-?\d+)$/);
          if (base) chain.base = { type: base[1]!, hook: base[2]!, priority: Number(base[3]) };
          const c = p.match(/^comment "([^"]*)"$/);
          if (c) chain.comment = c[1]!;
        }
      }
      if (!chains.has(name)) chains.set(name, chain);
    } else if (verb === 'rule') {
      const name = afterTable.slice(0, afterTable.indexOf(' '));
      chains.get(name)!.rules.push(nftListRule(afterTable.slice(name.length + 1)));
    } else if (verb === 'element') {
      const name = afterTable.slice(0, afterTable.indexOf(' '));
      const body = afterTable
        .slice(name.length + 1)
        .replace(/^\{ /, '')
        .replace(/ \}$/, '');
      const m = body.match(/^(.*?)(?: comment "([^"]*)")?(?: : (.*))?$/)!;
      sets.get(name)!.elements.push({ key: m[1]!, comment: m[2] ?? null, value: m[3] ?? null });
    }
  }
  return { tableComment, sets: [...sets.values()], chains: [...chains.values()] };
}

function printSet(set: NftSet): string {
  let out = `\t${set.kind} ${set.name} {\n`;
  for (const d of set.declaration) out += `\t\t${d}\n`;
  if (set.elements.length > 0) {
    const elements = [...set.elements].sort((a, b) => compareNftKeys(a.key, b.key));
    const concat = elements[0]!.key.includes(' . ');
    const oneLine = set.isMap || concat || elements.some((e) => e.comment !== null);
    const newline = ',\n\t\t\t     ';
    let text = '';
    elements.forEach((e, i) => {
      if (i > 0) text += oneLine ? newline : i % 2 === 0 ? newline : ', ';
      text += `${e.key}${e.comment !== null ? ` comment "${e.comment}"` : ''}${e.value !== null ? ` : ${e.value}` : ''}`;
    });
    out += `\t\telements = { ${text} }\n`;
  }
  return `${out}\t}\n`;
}

function printChain(chain: NftChain): string {
  let out = `\tchain ${chain.name} {\n`;
  if (chain.comment !== null) out += `\t\tcomment "${chain.comment}"\n`;
  if (chain.base)
    out += `\t\ttype ${chain.base.type} hook ${chain.base.hook} priority ${nftPriority(chain.base.priority, chain.base.hook)}; policy accept;\n`;
  for (const r of chain.rules) out += `\t\t${r}\n`;
  return `${out}\t}\n`;
}

/** The `nft list table ip kube-proxy` output for a transaction rendered by renderNftables. */
export function nftListTable(transaction: readonly string[]): string {
  const { tableComment, sets, chains } = parseTransaction(transaction);
  const objects = [...sets.map(printSet), ...chains.map(printChain)];
  return `table ${TABLE} {\n${tableComment !== null ? `\tcomment "${tableComment}"\n` : ''}${objects.join('\n')}}\n`;
}
