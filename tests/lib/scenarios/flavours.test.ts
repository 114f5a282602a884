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

  it.each(['load-share', 'lb-targets', 'health-check', 'client-outcome', 'fix-it', 'policy-choice'] as const)(
    '%s prompts name the balancer family the scenario declares',
    (kind) => {
      let named = 0;
      for (const q of questions(kind)) {
        const provider = q.scenario.loadBalancer?.provider;
        if (provider === 'gcp') expect(q.prompt).toMatch(/GKE passthrough Network Load Balancer/);
        if (provider === 'aws-nlb') {
          expect(q.scenario.loadBalancer?.crossZone).toBe(true);
          expect(q.prompt).toMatch(/AWS Network Load Balancer .*cross-zone load balancing turned on/);
        }
        if (provider) named++;
      }
      expect(named).toBeGreaterThan(10);
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
