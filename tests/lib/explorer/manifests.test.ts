import { parseAllDocuments, parse } from 'yaml';
import { evaluate, parseScenario } from '@/lib/engine';
import { DEFAULT_STATE, decodeState, nodeName, toScenario, type ExplorerState } from '@/lib/explorer';
import { curlCommands } from '@/lib/explorer/commands';
import { NODE_LABEL, deploymentManifests, kindConfig, serviceManifest } from '@/lib/explorer/manifests';

function state(layout: string): ExplorerState {
  const d = decodeState(layout);
  if (!d.ok) throw new Error(d.issues[0]?.message);
  return d.state;
}

type Deployment = {
  metadata: { name: string };
  spec: {
    replicas: number;
    template: {
      spec: {
        affinity?: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: {
                matchExpressions: { key: string; operator: string; values?: string[] }[];
              }[];
            };
          };
        };
        topologySpreadConstraints?: { maxSkew: number; topologyKey: string }[];
        containers: { readinessProbe?: unknown; lifecycle?: unknown }[];
      };
    };
  };
};

const deployments = (s: ExplorerState) =>
  parseAllDocuments(deploymentManifests(s)).map((d) => d.toJS() as Deployment);

/** Where the Deployments put Pods: node → count, read back from the manifests' node affinity. */
function placement(docs: Deployment[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of docs) {
    const expr =
      d.spec.template.spec.affinity?.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution
        .nodeSelectorTerms[0]?.matchExpressions[0];
    expect(expr?.key).toBe(NODE_LABEL);
    const node = expr?.values?.[0] ?? 'spread';
    out[node] = (out[node] ?? 0) + d.spec.replicas;
  }
  return out;
}

describe('manifests for an explorer layout', () => {
  it('pins an uneven layout with node affinity, one Deployment per node and state', () => {
    const docs = deployments(state('1.L.it.h.nk.abc.arararbranct.ea'));
    expect(placement(docs)).toEqual({ 'node-a': 4, 'node-b': 1, 'node-c': 1 });
    const byName = Object.fromEntries(docs.map((d) => [d.metadata.name, d]));
    expect(byName['web-node-a-not-ready']?.spec.template.spec.containers[0]?.readinessProbe).toBeDefined();
    expect(byName['web-node-c-terminating']?.spec.template.spec.containers[0]?.lifecycle).toBeDefined();
  });

  it('uses one Deployment with a topology spread constraint when every node runs as many ready Pods', () => {
    const docs = deployments(state('1.L.it.h.nk.abc.arbrcrarbrcr.ea'));
    expect(docs).toHaveLength(1);
    expect(docs[0]?.spec.replicas).toBe(6);
    expect(docs[0]?.spec.template.spec.topologySpreadConstraints?.[0]).toMatchObject({
      maxSkew: 1,
      topologyKey: 'kubernetes.io/hostname',
    });
  });

  it.each([
    ['Local', '1.L.it.h.nk.abc.ar.ea', true],
    ['Cluster', '1.C.it.h.nk.abc.ar.ea', false],
  ])('writes a %s Service with a health-check port only when Local', (policy, layout, hasPort) => {
    const svc = parse(serviceManifest(state(layout)));
    expect(svc.spec.externalTrafficPolicy).toBe(policy);
    expect('healthCheckNodePort' in svc.spec).toBe(hasPort);
  });

  it.each([
    ['iptables', '1.L.it.h.nk.ab.ar.ea', 'iptables', false],
    ['IPVS', '1.L.iv.h.nk.ab.ar.ea', 'ipvs', false],
    ['Cilium DSR', '1.L.cd.h.nk.ab.ar.ea', 'none', true],
  ])('writes a kind config for %s with one labelled worker per node', (_name, layout, mode, noCni) => {
    const s = state(layout);
    const cfg = parse(kindConfig(s));
    expect(cfg.networking.kubeProxyMode).toBe(mode);
    expect(Boolean(cfg.networking.disableDefaultCNI)).toBe(noCni);
    expect(
      cfg.nodes
        .filter((n: { role: string }) => n.role === 'worker')
        .map((n: { labels: Record<string, string> }) => n.labels[NODE_LABEL]),
    ).toEqual(s.nodes.map((_, i) => nodeName(i)));
  });

  it('writes curl commands whose expectations are the engine’s answers', () => {
    const s = DEFAULT_STATE;
    const evalOf = (traffic?: 'nodePort') => {
      const p = parseScenario(toScenario(s, { traffic }).input);
      if (!p.ok) throw new Error('unreadable');
      return evaluate(p.scenario);
    };
    const lb = evalOf();
    const np = evalOf('nodePort');
    const text = curlCommands(s, lb, np);
    for (const [node, hc] of Object.entries(lb.healthChecks?.nodes ?? {})) {
      const letter = node.slice(5).toUpperCase();
      expect(text).toMatch(
        new RegExp(
          `NODE_${letter}:32000/healthz .*# expect ${hc.status}, localEndpoints ${hc.headers['X-Load-Balancing-Endpoint-Weight']}`,
        ),
      );
    }
    const dropped = np.flows.filter((f) => f.verdict === 'dropped').map((f) => f.node);
    for (const node of dropped) {
      expect(text).toMatch(new RegExp(`NODE_${node!.slice(5).toUpperCase()}:30080/ .*curl times out`));
    }
  });
});

describe('Cilium set-up (Cilium’s “Kubernetes without kube-proxy” guide)', () => {
  const cfgText = (layout: string) => kindConfig(state(layout));
  it.each([
    ['SNAT', '1.L.cs.h.nk.ab.ar.ea'],
    ['DSR', '1.L.cd.h.nk.ab.ar.ea'],
  ])('%s: no kube-proxy, the agent pointed at the API server, kube-proxy replaced', (_mode, layout) => {
    const text = cfgText(layout);
    const cfg = parse(text);
    expect(cfg.networking.kubeProxyMode).toBe('none');
    expect(text).toContain('--set kubeProxyReplacement=true');
    expect(text).toContain(`--set k8sServiceHost=${cfg.name}-control-plane`);
    expect(text).toContain('--set k8sServicePort=6443');
  });

  it('DSR installs native routing over the kind Pod subnet; SNAT does not', () => {
    const dsr = cfgText('1.L.cd.h.nk.ab.ar.ea');
    const subnet = parse(dsr).networking.podSubnet;
    for (const flag of [
      'routingMode=native',
      'autoDirectNodeRoutes=true',
      `ipv4NativeRoutingCIDR=${subnet}`,
      'loadBalancer.mode=dsr',
    ])
      expect(dsr).toContain(`--set ${flag}`);
    const snat = cfgText('1.L.cs.h.nk.ab.ar.ea');
    expect(snat).toContain('--set loadBalancer.mode=snat');
    expect(snat).not.toContain('routingMode=native');
  });

  it('shows no kube-proxy :10256/healthz check under Cilium, and does under kube-proxy', () => {
    const commands = (layout: string) => {
      const s = state(layout);
      const evalOf = (traffic?: 'nodePort') => {
        const p = parseScenario(toScenario(s, { traffic }).input);
        if (!p.ok) throw new Error('unreadable');
        return evaluate(p.scenario);
      };
      return curlCommands(s, evalOf(), evalOf('nodePort'));
    };
    expect(commands('1.C.cd.h.nk.ab.ar.ea')).not.toContain('10256');
    expect(commands('1.C.it.h.nk.ab.ar.ea')).toContain(':10256/healthz');
  });
});

describe('artefacts for inside traffic, affinity and zones', () => {
  // Pod on node-c to the ClusterIP, iTP Local, ClientIP 60 s, zones a/b/c, PreferClose.
  const inside = state('1.L.it.h.nk.abc.arararbr.pc.dcila60zabctc');
  const answers = (s: ExplorerState) => {
    const run = (traffic?: 'nodePort') => {
      const p = parseScenario(toScenario(s, { traffic }).input);
      if (!p.ok) throw new Error('unreadable');
      return evaluate(p.scenario);
    };
    return [run(), run('nodePort')] as const;
  };

  it('writes the new Service fields, and none of them for a layout without', () => {
    const spec = (parse(serviceManifest(inside)) as { spec: Record<string, unknown> }).spec;
    expect(spec).toMatchObject({
      internalTrafficPolicy: 'Local',
      sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } },
      trafficDistribution: 'PreferClose',
    });
    const plain = (parse(serviceManifest(DEFAULT_STATE)) as { spec: Record<string, unknown> }).spec;
    for (const field of [
      'internalTrafficPolicy',
      'sessionAffinity',
      'sessionAffinityConfig',
      'trafficDistribution',
    ])
      expect(plain).not.toHaveProperty(field);
  });

  it('labels the kind workers with their zones', () => {
    const config = parse(kindConfig(inside).replace(/^#.*\n/gm, '')) as {
      nodes: { role: string; labels?: Record<string, string> }[];
    };
    expect(
      config.nodes.filter((n) => n.role === 'worker').map((n) => n.labels?.['topology.kubernetes.io/zone']),
    ).toEqual(['zone-a', 'zone-b', 'zone-c']);
    expect(kindConfig(DEFAULT_STATE)).not.toContain('topology.kubernetes.io/zone');
  });

  it('runs a client Pod on the sender’s node and curls the ClusterIP, expecting what the engine answers', () => {
    const [lb, np] = answers(inside);
    const text = curlCommands(inside, ...([lb, np] as const));
    expect(text).toContain(`"nodeSelector":{"${NODE_LABEL}":"node-c"}`);
    expect(text).toContain("TARGET=$(kubectl get service web -o jsonpath='{.spec.clusterIP}')");
    // iTP Local and no Pod on node-c: the engine drops it (R-INT-3), so curl times out.
    expect(lb.flows.at(-1)?.verdict).toBe('dropped');
    expect(text).toMatch(/kubectl exec client -- curl .*# expect no answer: the packet is dropped/);
  });

  it('repeats the request under ClientIP affinity and expects one Hostname', () => {
    const s = state('1.L.it.h.nk.abc.arararbr.nb.dna');
    const text = curlCommands(s, ...answers(s));
    expect(text).toContain('TARGET=$NODE_B:30080');
    expect(text).toMatch(
      /for i in 1 2 3 4 5; do docker exec .*; done {3}# expect a Pod on node-a or node-b; .*the same Hostname every time/,
    );
    expect(curlCommands(DEFAULT_STATE, ...answers(DEFAULT_STATE))).not.toContain('TARGET=');
  });
});
