/**
 * The normalisation kube-proxy's own tests apply before comparing rules, ported from
 * pkg/proxy/iptables/proxier_test.go (sortIPTablesRules, orderByCommentServiceName, checkIPTablesRuleJumps;
 * iptablestest.ParseIPTablesDump / IPTablesDump.String). kube-proxy writes Services in Go map order, so its tests
 * sort: tables by name; chains KUBE-NODEPORTS, KUBE-SERVICES, then other KUBE-* alphabetically, then the rest;
 * rules grouped by chain in that order; KUBE-NODEPORTS and KUBE-SERVICES rules stably by the service name in
 * their comment (nat KUBE-SERVICES keeps its "must be the last rule" rule last).
 */

interface Chain {
  name: string;
  rules: string[];
}
interface Table {
  name: string;
  chains: Chain[];
}

/** The value of a rule's --comment (quotes removed), or null. */
export function ruleComment(line: string): string | null {
  const at = line.indexOf('--comment ');
  if (at < 0) return null;
  const rest = line.slice(at + '--comment '.length);
  if (rest.startsWith('"')) return rest.slice(1, rest.indexOf('"', 1));
  const end = rest.indexOf(' ');
  return end < 0 ? rest : rest.slice(0, end);
}

function parseDump(text: string): Table[] {
  const tables: Table[] = [];
  let table: Table | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('*')) {
      table = { name: line.slice(1), chains: [] };
      tables.push(table);
    } else if (line === 'COMMIT') {
      table = null;
    } else if (!table) {
      throw new Error(`rule outside a table: ${line}`);
    } else if (line.startsWith(':')) {
      table.chains.push({ name: line.slice(1).split(' ')[0]!, rules: [] });
    } else if (line.startsWith('-A ')) {
      const name = line.split(' ')[1]!;
      const chain = table.chains.find((c) => c.name === name);
      if (!chain) throw new Error(`rule for undeclared chain ${name}: ${line}`);
      chain.rules.push(line);
    } else {
      throw new Error(`unexpected line: ${line}`);
    }
  }
  return tables;
}

function serviceNameOf(line: string): string | null {
  const c = ruleComment(line);
  if (c === null) return null;
  const i = c.search(/[ :]/);
  return i < 0 ? c : c.slice(0, i);
}

/** orderByCommentServiceName as a comparator (undefined order without comments → equal). */
function byServiceName(a: string, b: string): number {
  const x = serviceNameOf(a);
  const y = serviceNameOf(b);
  if (x === null || y === null) return 0;
  return x < y ? -1 : x > y ? 1 : 0;
}

function chainOrder(a: string, b: string): number {
  const rank = (n: string) =>
    n === 'KUBE-NODEPORTS' ? 0 : n === 'KUBE-SERVICES' ? 1 : n.startsWith('KUBE-') ? 2 : 3;
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

export function sortIPTablesRules(text: string): string {
  const tables = parseDump(text).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const t of tables) {
    t.chains.sort((a, b) => chainOrder(a.name, b.name));
    for (const c of t.chains) {
      if (c.name === 'KUBE-NODEPORTS' || (c.name === 'KUBE-SERVICES' && t.name === 'filter'))
        c.rules.sort(byServiceName);
      if (c.name === 'KUBE-SERVICES' && t.name === 'nat') {
        const last = (r: string) => (ruleComment(r) ?? '').includes('must be the last rule');
        c.rules.sort((a, b) =>
          last(a) && !last(b) ? 1 : last(b) && !last(a) ? -1 : last(a) ? 0 : byServiceName(a, b),
        );
      }
    }
  }
  return tables
    .map(
      (t) =>
        `*${t.name}\n${t.chains.map((c) => `:${c.name} - [0:0]\n`).join('')}${t.chains.flatMap((c) => c.rules.map((r) => `${r}\n`)).join('')}COMMIT\n`,
    )
    .join('');
}

/**
 * checkIPTablesRuleJumps: every jump target and every filled chain was declared; every jumped-to chain has rules
 * (KUBE-NODEPORTS excepted); every declared chain is used (the fixed top-level chains excepted).
 */
export function checkIPTablesRuleJumps(text: string): string[] {
  const problems: string[] = [];
  const builtinTargets = new Set([
    'ACCEPT',
    'REJECT',
    'DROP',
    'MARK',
    'RETURN',
    'DNAT',
    'SNAT',
    'MASQUERADE',
  ]);
  const topLevel = new Set([
    'KUBE-SERVICES',
    'KUBE-EXTERNAL-SERVICES',
    'KUBE-NODEPORTS',
    'KUBE-POSTROUTING',
    'KUBE-FORWARD',
    'KUBE-MARK-MASQ',
    'KUBE-PROXY-FIREWALL',
    'KUBE-FIREWALL',
  ]);
  for (const t of parseDump(text)) {
    const created = new Set(t.chains.map((c) => c.name));
    const filled = new Set(t.chains.filter((c) => c.rules.length > 0).map((c) => c.name));
    const jumped = new Set<string>();
    for (const c of t.chains)
      for (const r of c.rules) {
        const m = / -j ([^ ]+)/.exec(r);
        if (m && !builtinTargets.has(m[1]!)) jumped.add(m[1]!);
      }
    for (const j of jumped) {
      if (!created.has(j)) problems.push(`${t.name}: ${j} is used but not created`);
      else if (!filled.has(j) && j !== 'KUBE-NODEPORTS')
        problems.push(`${t.name}: ${j} is jumped to but has no rules`);
    }
    for (const c of created)
      if (!jumped.has(c) && !topLevel.has(c)) problems.push(`${t.name}: ${c} is created but not used`);
  }
  return problems;
}

/** Removes the common leading indentation (Go's dedent.Dedent) and the leading newline. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}
