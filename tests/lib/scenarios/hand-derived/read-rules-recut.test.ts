/**
 * The hand-derived read-rules cases carry, as data, the excerpt their key was derived from by hand. This test cuts
 * each excerpt again from the case's scenario with the current renderer (lib/engine/rules, through the cuts the
 * generator uses, read-rules-excerpt.ts): when a renderer change alters what a node would show, the case is named
 * with its first differing line, to be re-derived by hand (its expected key may no longer be what the text says).
 * Which cut a case used is read off the excerpt's first line (its command); the packet off the case's ask.
 */
import { parseScenario, type Scenario, type ScenarioInput } from '@/lib/engine';
import type { ReadRulesAsk } from '@/lib/scenarios/kinds/read-rules';
import {
  iptablesChainExcerpt,
  iptablesFlowExcerpt,
  ipvsExcerpt,
  ipvsFlowExcerpt,
  nftChainExcerpt,
  nftFlowExcerpt,
  nftMapExcerpt,
} from '@/lib/scenarios/kinds/read-rules-excerpt';
import { loadCases } from './support';

const cases = loadCases('read-rules');

/** The connection of a masquerade / verdict ask, as the node sees it. */
function packetOf(scenario: Scenario, ask: ReadRulesAsk) {
  const node = scenario.cluster.nodes.find((n) => n.name === ask.node);
  if (!node) throw new Error(`no node ${ask.node}`);
  const [kind, name] = ask.from.split('/');
  const source =
    kind === 'external'
      ? scenario.client.ip
      : kind === 'node'
        ? node.ip
        : scenario.cluster.pods.find((p) => p.pod === name)?.ip;
  const port = scenario.service.ports[0]!;
  const dest = ask.to === 'clusterIP' ? scenario.service.clusterIP : ask.to === 'loadBalancer' ? scenario.service.ingress[0]?.ip : node.ip;
  if (!source || !dest) throw new Error(`no address for ${ask.from} → ${ask.to}`);
  return { source, dest, port: String(ask.to === 'nodePort' ? port.nodePort : port.port), nodeIPs: [node.ip] };
}

/** The excerpt the case's command names, cut anew from the current rendering. */
function recut(input: ScenarioInput, ask: ReadRulesAsk): string {
  const read = parseScenario(input);
  if (!read.ok) throw new Error('scenario not readable');
  const s = read.scenario;
  const command = ask.excerpt!.split('\n')[0]!;
  let m: RegExpExecArray | null;
  if ((m = /^# iptables-save -t nat \| grep -- '-A (\S+) '$/.exec(command))) return iptablesChainExcerpt(s, ask.node, m[1]!);
  if (command.startsWith('# iptables-save (')) return iptablesFlowExcerpt(s, ask.node, packetOf(s, ask));
  if ((m = /^# nft list chain ip kube-proxy (\S+)$/.exec(command))) return nftChainExcerpt(s, ask.node, m[1]!, '');
  if ((m = /^# nft list map ip kube-proxy (\S+)$/.exec(command))) return nftMapExcerpt(s, ask.node, m[1]!);
  if (command.startsWith('# nft list table ip kube-proxy (')) return nftFlowExcerpt(s, ask.node, packetOf(s, ask));
  if (command.startsWith('# ipvsadm -Ln -t ') && command.includes('; ipset save')) return ipvsFlowExcerpt(s, ask.node, packetOf(s, ask));
  if ((m = /^# ipvsadm -Ln -t ([\d.]+):(\d+)$/.exec(command))) return ipvsExcerpt(s, ask.node, m[1]!, Number(m[2]));
  throw new Error(`no cut for the command "${command}"`);
}

/** '' when equal, else the first differing line, numbered. */
function firstDifference(kept: string, now: string): string {
  const a = kept.split('\n');
  const b = now.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if (a[i] !== b[i]) return `line ${i + 1}:\n  case:     ${a[i] ?? '(none)'}\n  renderer: ${b[i] ?? '(none)'}`;
  return '';
}

it('every hand case names a command the re-cut knows', () => {
  for (const c of cases) expect(() => recut(c.scenario as ScenarioInput, c.ask as ReadRulesAsk)).not.toThrow();
});

it('the re-cut notices a changed line (a case whose excerpt was edited)', () => {
  const c = cases[0]!;
  const ask = c.ask as ReadRulesAsk;
  const edited = ask.excerpt!.replace(/--probability 0\.\d+/, '--probability 0.25000000000');
  expect(edited).not.toBe(ask.excerpt);
  expect(firstDifference(edited, recut(c.scenario as ScenarioInput, ask))).toMatch(/^line 3:\n {2}case: .*0\.25000000000/);
});

it.each(cases.map((c) => [c.name, c] as const))('%s: its excerpt is what the renderer prints today', (name, c) => {
  const ask = c.ask as ReadRulesAsk;
  const difference = firstDifference(ask.excerpt!, recut(c.scenario as ScenarioInput, ask));
  // A difference means: re-derive this case by hand from the new excerpt (and its expected key), then update both.
  expect(difference ? `hand case "${name}" no longer matches the renderer, ${difference}` : '').toBe('');
});
