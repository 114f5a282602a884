/**
 * read-rules (issue 14): what the generator shows. The excerpt is cut from the renderer for the asked node (its
 * command heads it), the prompt names the mode and the kube-proxy version the rendering follows, and the client
 * Pod is never one of the Service's own endpoints (it was, when its app label happened to be the Service's: the
 * SEP chain's "-s <client>" hairpin rule then masqueraded it — seeds below).
 */
import { DIFFICULTIES } from '@/lib/scenarios';
import type { ReadRulesAsk } from '@/lib/scenarios/kinds/read-rules';
import { draw, KEYED_KINDS } from './oracle/index';

const kind = KEYED_KINDS.find((k) => k.kind === 'read-rules')!;
const COMMAND = { iptables: /^# iptables-save/, nftables: /^# nft list (chain|map|table) ip kube-proxy /, IPVS: /^# ipvsadm -Ln -t / };

it.each([
  ['standard', 'bench-oracle-4621'],
  ['standard', 'bench-oracle-9319'],
  ['expert', 'bench-oracle-1856'],
] as const)('the client Pod is not selected by the Service (%s %s)', (difficulty, seed) => {
  const { draft, ask } = draw(kind, difficulty, seed);
  const a = ask as ReadRulesAsk;
  const selector = draft.scenario.service.spec.selector ?? {};
  for (const p of draft.scenario.cluster.pods ?? []) {
    const selected = Object.entries(selector).every(([k, v]) => p.labels?.[k] === v);
    if (a.from === `pod/${p.name}`) expect(selected).toBe(false);
  }
});

it('over 150 seeds: the excerpt is the one shown, headed by its command, and the prompt names mode and version', () => {
  const bad: string[] = [];
  for (const difficulty of DIFFICULTIES)
    for (let i = 0; i < 50; i++) {
      const { draft, ask } = draw(kind, difficulty, `rr-${i}`);
      const a = ask as ReadRulesAsk;
      const mode = /kube-proxy runs in (iptables|nftables|IPVS) mode/.exec(draft.prompt)?.[1] as keyof typeof COMMAND | undefined;
      if (!mode) bad.push(`${difficulty}:${i} no mode in the prompt`);
      else if (!COMMAND[mode].test(a.excerpt ?? '')) bad.push(`${difficulty}:${i} ${mode} excerpt: ${a.excerpt?.split('\n')[0]}`);
      if (!draft.prompt.includes('kube-proxy v1.33')) bad.push(`${difficulty}:${i} no version`);
      const [shown, ...more] = draft.evidence ?? [];
      if (!shown || more.length > 0 || `# ${shown.command}\n${shown.output}` !== a.excerpt) bad.push(`${difficulty}:${i} the question shows another excerpt`);
      if (!draft.prompt.includes(a.node)) bad.push(`${difficulty}:${i} node not named`);
    }
  expect(bad).toEqual([]);
});

it('over 300 seeds: masquerade, verdict and owner are asked on iptables, nftables and IPVS excerpts alike', () => {
  const seen = new Set<string>();
  for (const difficulty of ['standard', 'expert'] as const)
    for (let i = 0; i < 150; i++) {
      const { draft, ask } = draw(kind, difficulty, `modes-${i}`);
      const a = ask as ReadRulesAsk;
      seen.add(`${a.question} ${draft.scenario.cluster.proxyMode}`);
      // IPVS mode masquerades with iptables: a masquerade excerpt shows the KUBE-MARK-MASQ rules with their ipsets.
      if (a.question === 'masquerade' && draft.scenario.cluster.proxyMode === 'ipvs') {
        expect(a.excerpt).toMatch(/^-A KUBE-SERVICES .*--match-set KUBE-/m);
        expect(a.excerpt).toMatch(/^add KUBE-/m);
      }
    }
  for (const q of ['masquerade', 'verdict', 'owner'])
    for (const m of ['iptables', 'nftables', 'ipvs']) expect(seen).toContain(`${q} ${m}`);
});

it('ready: the key the generator builds from the parsed scenario equals keyOf reading the edited input (40 expert seeds)', () => {
  let checked = 0;
  for (let i = 0; checked < 40 && i < 400; i++) {
    const { draft, ask } = draw(kind, 'expert', `ready-${i}`);
    const a = ask as ReadRulesAsk;
    if (a.question !== 'ready') continue;
    checked++;
    const expected = Object.fromEntries(draft.key.fields.map((f) => [f.field, f.expected]));
    expect(kind.keyOf(draft.scenario, a as never)).toEqual(expected);
  }
  expect(checked).toBe(40);
});
