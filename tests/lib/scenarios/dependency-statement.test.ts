/**
 * Issue 12 item 10, "every question states what its answer depends on": for many seeds per kind, the key is
 * re-evaluated (with the kind's own keyOf, on the question's own ask) under every other plausible proxy mode,
 * network plugin and balancer family. If any of them changes the key, the prompt must name the one the question
 * uses — in its own words, checked here against fixed phrases (not the generator's text tables).
 */
import type { ScenarioInput } from '@/lib/engine';
import { DIFFICULTIES, generateQuestion, QUESTION_KINDS, type Question, type QuestionKind } from '@/lib/scenarios';
import { keyOf as apiKey } from '@/lib/scenarios/kinds/api-validation';
import { keyOf as crossKey } from '@/lib/scenarios/kinds/cross-node';
import { keyOf as fixKey } from '@/lib/scenarios/kinds/fix-it';
import { keyOf as policyKey } from '@/lib/scenarios/kinds/policy-choice';
import { PROPERTIES, PROPERTY_TEXT } from '@/lib/scenarios/properties';
import { draw, KEYED_KINDS } from './oracle/index';

const SEEDS = Number(process.env.DEPENDENCY_SEEDS ?? 25);

type KeyFn = (s: ScenarioInput) => Record<string, string>;

/** The question's own key function: its kind's keyOf bound to the ask the prompt states. */
function keyFn(kind: QuestionKind, difficulty: (typeof DIFFICULTIES)[number], seed: string): { q: Pick<Question, 'prompt' | 'scenario'>; key: KeyFn } {
  const keyed = KEYED_KINDS.find((k) => k.kind === kind);
  if (keyed) {
    const { draft, ask } = draw(keyed, difficulty, seed);
    return { q: draft, key: (s) => keyed.keyOf(s, ask as never) };
  }
  const q = generateQuestion({ kind, difficulty, seed });
  switch (kind) {
    case 'cross-node': {
      const node = /reaches node (\S+) through the balancer/.exec(q.prompt)?.[1];
      if (!node) throw new Error(`${q.id}: no node in the prompt`);
      return { q, key: (s) => crossKey(s, { node }) };
    }
    case 'policy-choice': {
      const required = PROPERTIES.filter((p) => q.prompt.includes(PROPERTY_TEXT[p]));
      return { q, key: (s) => policyKey(s, { required }) };
    }
    case 'fix-it': {
      const fix = q.key.fixIt!;
      return { q, key: (s) => ({ ...fixKey(s, { goal: fix.goal, change: fix.witness }), ...fixKey(s, { goal: fix.goal, change: fix.counterexample }) }) };
    }
    case 'api-validation':
      return { q, key: (s) => apiKey(s, {}) };
    default:
      throw new Error(`no key function for ${kind}`);
  }
}

const PROXY_PHRASE: Record<string, RegExp> = {
  iptables: /kube-proxy runs in iptables mode/,
  nftables: /kube-proxy runs in nftables mode/,
  ipvs: /kube-proxy runs in IPVS mode/,
  'cilium-snat': /Cilium replaces kube-proxy/,
};
const CNI_PHRASE: Record<string, RegExp> = {
  bridge: /bridge plugin/,
  kindnet: /kindnet/,
  gke: /GKE's VPC-native/,
  'aws-vpc': /AWS VPC CNI/,
  'flannel-vxlan': /flannel with VXLAN/,
  'calico-bgp': /Calico with BGP/,
  'calico-ipip': /Calico with IP-in-IP/,
};
/** How a prompt names the balancer a scenario declares. */
function balancerPhrase(s: ScenarioInput): RegExp {
  const lb = s.loadBalancer ?? {};
  switch (lb.provider ?? 'generic') {
    case 'gcp':
      return /GKE passthrough Network Load Balancer/;
    case 'aws-nlb':
      return lb.crossZone ? /AWS Network Load Balancer .*cross-zone load balancing turned on/ : /AWS Network Load Balancer .*cross-zone load balancing off/;
    case 'azure':
      return /Azure Standard Load Balancer/;
    case 'metallb-l2':
      return /MetalLB in layer 2 mode.*order for this address: /;
    case 'metallb-bgp':
      return /MetalLB in BGP mode/;
    default:
      if (lb.preservesClientIP === false) return /balancer is a proxy/;
      if (lb.balancing === 'weighted') return /weight/;
      if (lb.balancing === 'all-nodes') return /(not yet noticed|evenly over all nodes)/;
      return /splits new connections evenly over the nodes/;
  }
}

const PROXY_MODES = ['iptables', 'nftables', 'ipvs', 'cilium-snat'];
const CNIS = ['bridge', 'kindnet', 'aws-vpc', 'flannel-vxlan', 'calico-bgp', 'calico-ipip'];
const ZONES = ['zone-a', 'zone-b'];
const BALANCERS: Array<(s: ScenarioInput) => ScenarioInput> = [
  (s) => ({ ...s, loadBalancer: undefined }),
  (s) => ({ ...s, loadBalancer: { provider: 'gcp' } }),
  (s) => ({ ...s, loadBalancer: { provider: 'aws-nlb', crossZone: true } }),
  (s) => ({
    ...s,
    loadBalancer: { provider: 'aws-nlb', crossZone: false },
    // Per zone needs zones: alternate them unless the scenario has its own.
    cluster: { ...s.cluster, nodes: s.cluster.nodes.map((n, i) => ({ ...n, zone: n.zone ?? ZONES[i % 2] })) },
  }),
  (s) => ({ ...s, loadBalancer: { provider: 'azure' } }),
  (s) => ({ ...s, loadBalancer: { provider: 'metallb-l2' } }),
  (s) => ({ ...s, loadBalancer: { provider: 'metallb-bgp' } }),
];

/** Whether some variant gives another key (a variant the kind cannot answer is no evidence either way). */
function changes(key: KeyFn, base: Record<string, string>, variants: ScenarioInput[]): boolean {
  return variants.some((v) => {
    try {
      return JSON.stringify(key(v)) !== JSON.stringify(base);
    } catch {
      return false;
    }
  });
}

describe.each([...QUESTION_KINDS])('%s states what its key depends on', (kind) => {
  it(`over ${SEEDS} seeds per difficulty: proxy mode, network plugin, balancer family`, () => {
    const bad: string[] = [];
    for (const difficulty of DIFFICULTIES)
      for (let i = 0; i < SEEDS; i++) {
        const seed = `dependency-${i}`;
        const { q, key } = keyFn(kind, difficulty, seed);
        const s = q.scenario;
        const base = key(s);
        const id = `${kind}:${difficulty}:${seed}`;
        const mode = s.cluster.proxyMode ?? 'iptables';
        const withMode = PROXY_MODES.filter((m) => m !== mode).map((m) => ({ ...s, cluster: { ...s.cluster, proxyMode: m as never } }));
        if (changes(key, base, withMode) && !PROXY_PHRASE[mode]?.test(q.prompt)) bad.push(`${id}: the key depends on the proxy mode, the prompt does not name ${mode}`);
        if (!mode.startsWith('cilium')) {
          const cni = typeof s.cluster.cni === 'string' ? s.cluster.cni : 'bridge';
          const withCni = CNIS.filter((c) => c !== cni).map((c) => ({ ...s, cluster: { ...s.cluster, cni: c as never } }));
          if (changes(key, base, withCni) && !CNI_PHRASE[cni]?.test(q.prompt)) bad.push(`${id}: the key depends on the network plugin, the prompt does not name ${cni}`);
        }
        if (s.service.spec.type === 'LoadBalancer' && (s.loadBalancer?.targets ?? 'nodes') === 'nodes') {
          const withLb = BALANCERS.map((f) => f(s));
          if (changes(key, base, withLb) && !balancerPhrase(s).test(q.prompt))
            bad.push(`${id}: the key depends on the balancer family, the prompt does not name ${JSON.stringify(s.loadBalancer ?? 'generic')}`);
        }
      }
    expect(bad.slice(0, 10)).toEqual([]);
  });
});
