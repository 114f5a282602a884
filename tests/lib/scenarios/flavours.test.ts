/**
 * Issue 12 item 10: generated clusters come in flavours (kind-, GKE-, EKS-, AKS-like, bare metal) with their
 * network plugin and balancer family, and every prompt names the plugin and the balancer its key depends on.
 */
import type { QUESTION_KINDS} from '@/lib/scenarios';
import { DIFFICULTIES, generateQuestion, type Question } from '@/lib/scenarios';
import { buildLayout } from '@/lib/scenarios/layout';
import { Rng } from '@/lib/scenarios/random';

const SEEDS = 80;

function questions(kind: (typeof QUESTION_KINDS)[number]): Question[] {
  const out: Question[] = [];
  for (const difficulty of DIFFICULTIES)
    for (let i = 0; i < SEEDS; i++) {
      try {
        out.push(generateQuestion({ kind, difficulty, seed: `flavour-${i}` }));
      } catch {
        // a kind may refuse a spec it cannot build; the generate tests cover that
      }
    }
  return out;
}

const PLUGIN_WORDS: Record<string, RegExp> = {
  kindnet: /kindnet/,
  gke: /GKE's VPC-native ptp plugin/,
  'aws-vpc': /AWS VPC CNI/,
  'flannel-vxlan': /flannel with VXLAN/,
  'calico-bgp': /Calico with BGP/,
  'calico-ipip': /Calico with IP-in-IP/,
};

describe('cluster flavours', () => {
  it('intro keeps a bridge plugin and a generic balancer; other difficulties use every flavour', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const intro = buildLayout(new Rng(`f${i}`), 'intro');
      expect([intro.cni, intro.provider]).toEqual(['bridge', 'generic']);
      const l = buildLayout(new Rng(`f${i}`), i % 2 ? 'standard' : 'expert');
      seen.add(`${l.flavour}:${l.cni}:${l.provider}`);
    }
    for (const f of ['kind:kindnet:generic', 'gke:gke:gcp', 'eks:aws-vpc:aws-nlb', 'aks:bridge:generic'])
      expect(seen).toContain(f);
    for (const cni of ['flannel-vxlan', 'calico-ipip', 'calico-bgp'])
      expect([...seen].some((s) => s.startsWith(`bare-metal:${cni}:`))).toBe(true);
  });

  it.each(['source-ip', 'in-cluster'] as const)('%s prompts name the plugin whenever kube-proxy masquerades', (kind) => {
    let named = 0;
    for (const q of questions(kind)) {
      if ((q.scenario.cluster.proxyMode ?? 'iptables').startsWith('cilium')) continue;
      const cni = q.scenario.cluster.cni;
      if (typeof cni === 'string') {
        expect(q.prompt).toMatch(PLUGIN_WORDS[cni]!);
        named++;
      } else expect(q.prompt).toMatch(/bridge plugin/);
    }
    expect(named).toBeGreaterThan(20);
  });

  // Issue 12 item 10: the kinds whose key depends on the balancer also use the families that do not split evenly
  // (NLB with cross-zone off, Azure, MetalLB layer 2 and BGP), and name each with what the key depends on.
  const FAMILY_KINDS = ['load-share', 'lb-targets', 'client-outcome', 'cross-node', 'policy-choice'] as const;
  it.each(['load-share', 'lb-targets', 'health-check', 'client-outcome', 'fix-it', 'policy-choice', 'cross-node'] as const)(
    '%s prompts name the balancer family the scenario declares',
    (kind) => {
      let named = 0;
      const families = new Set<string>();
      for (const q of questions(kind)) {
        const lb = q.scenario.loadBalancer;
        const provider = lb?.provider;
        if (provider === 'gcp') expect(q.prompt).toMatch(/GKE passthrough Network Load Balancer/);
        if (provider === 'aws-nlb' && lb?.crossZone) expect(q.prompt).toMatch(/AWS Network Load Balancer .*cross-zone load balancing turned on/);
        if (provider === 'aws-nlb' && !lb?.crossZone) {
          expect(q.prompt).toMatch(/AWS Network Load Balancer .*cross-zone load balancing off/);
          // Per zone: every node has a zone, and the prompt lists each zone's nodes.
          for (const n of q.scenario.cluster.nodes) {
            expect(n.zone).toBeTruthy();
            expect(q.prompt).toContain(n.name);
          }
          expect(q.prompt).toMatch(/Zones: [^.]*: /);
        }
        if (provider === 'azure') expect(q.prompt).toMatch(/Azure Standard Load Balancer.*sends no new flow/);
        if (provider === 'metallb-l2') expect(q.prompt).toMatch(/MetalLB in layer 2 mode.*runs no health check.*order for this address: [^.]*\./);
        if (provider === 'metallb-bgp') expect(q.prompt).toMatch(/MetalLB in BGP mode.*ECMP.*runs no health check/);
        if (provider) named++;
        if (provider && (provider !== 'aws-nlb' || !lb?.crossZone) && provider !== 'gcp') families.add(provider === 'aws-nlb' ? 'aws-nlb per zone' : provider);
      }
      expect(named).toBeGreaterThan(10);
      if ((FAMILY_KINDS as readonly string[]).includes(kind))
        expect([...families].sort()).toEqual(['aws-nlb per zone', 'azure', 'metallb-bgp', 'metallb-l2']);
      else expect([...families]).toEqual([]);
    },
  );

  it('source-ip offers the plugin-dependent addresses with fitting misconceptions', () => {
    const labels = new Map<string, number>();
    let tunnelOffered = 0;
    for (const q of questions('source-ip')) {
      const field = q.response.fields[0]!;
      if (field.type !== 'choice') continue;
      if (field.options.some((o) => /tunnel address of/.test(o.label))) tunnelOffered++;
      for (const alt of q.key.fields[0]!.alternatives ?? []) labels.set(alt.misconception, (labels.get(alt.misconception) ?? 0) + 1);
    }
    expect(tunnelOffered).toBeGreaterThan(3);
    expect(labels.get('tunnel-vs-node') ?? 0).toBeGreaterThan(0);
    expect(labels.get('source-always-bridge') ?? 0).toBeGreaterThan(0);
    expect(labels.get('bridge-vs-node-ip') ?? 0).toBeGreaterThan(0);
  });
});
