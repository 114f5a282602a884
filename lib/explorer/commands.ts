/**
 * Shell commands that show, on a real cluster built from the explorer's manifests, the same health-check
 * answers and source IPs the engine predicts. Expectations come from engine answers passed in, never
 * from rules restated here: `lbAnswer` for the health checks, `nodePortAnswer` (outside traffic dialled
 * at each node's NodePort) for what each curl prints.
 */
import type { Answer, SourceIpKind } from '@/lib/engine';
import {
  CLIENT_POD,
  HEALTH_CHECK_NODE_PORT,
  NODE_PORT,
  destinationOf,
  nodeName,
  podName,
  type ExplorerState,
} from './state';
import { NODE_LABEL, podGroups } from './manifests';

const KIND_WORDS: Record<SourceIpKind, (node: string) => string> = {
  client: () => 'your own address (the client IP is kept)',
  node: (node) => `${node}'s node IP (SNAT)`,
  bridge: (node) => `${node}'s Pod-network gateway address (SNAT to a local Pod)`,
  tunnel: (node) => `${node}'s overlay tunnel address (SNAT to a Pod on another node)`,
  loadBalancer: () => "the balancer's own address",
};

const envName = (i: number) => `NODE_${nodeName(i).slice(5).toUpperCase()}`;

export function curlCommands(state: ExplorerState, lbAnswer: Answer, nodePortAnswer: Answer): string {
  const lines: string[] = ['# Node addresses (kind puts the explorer’s node names in a label)'];
  state.nodes.forEach((_, i) => {
    lines.push(
      `${envName(i)}=$(kubectl get node -l ${NODE_LABEL}=${nodeName(i)} -o jsonpath='{.items[0].status.addresses[?(@.type=="InternalIP")].address}')`,
    );
  });
  const terminating = podGroups(state).filter((g) => g.state === 'terminating');
  if (terminating.length > 0) {
    lines.push(
      '',
      '# Make the terminating Pods terminate (their preStop hook keeps them serving for an hour)',
    );
    for (const g of terminating) lines.push(`kubectl scale deployment ${g.name} --replicas=0`);
  }
  const drained = state.nodes.map((n, i) => (n.drained ? i : -1)).filter((i) => i >= 0);
  if (drained.length > 0) {
    lines.push('', '# Mark the drained nodes as being deleted by the cluster autoscaler');
    for (const i of drained)
      lines.push(
        `kubectl taint node -l ${NODE_LABEL}=${nodeName(i)} ToBeDeletedByClusterAutoscaler=:NoSchedule`,
      );
  }
  if (lbAnswer.healthChecks) {
    lines.push('', `# The health-check node port (${HEALTH_CHECK_NODE_PORT}) on every node`);
    state.nodes.forEach((_, i) => {
      const hc = lbAnswer.healthChecks?.nodes[nodeName(i)];
      if (!hc) return;
      lines.push(
        `curl -s -w ' -> %{http_code}\\n' http://$${envName(i)}:${HEALTH_CHECK_NODE_PORT}/healthz   # expect ${hc.status}, localEndpoints ${hc.headers['X-Load-Balancing-Endpoint-Weight']}`,
      );
    });
  } else {
    lines.push(
      '',
      '# No health-check node port: it exists only for type LoadBalancer with externalTrafficPolicy Local',
    );
  }
  // Cilium's replacement runs no kube-proxy, so nothing listens on :10256.
  if (!state.proxyMode.startsWith('cilium')) {
    lines.push('', '# kube-proxy’s own health (what Cluster-policy balancers may probe)');
    state.nodes.forEach((_, i) => {
      const ph = lbAnswer.proxyHealth?.[nodeName(i)];
      if (ph)
        lines.push(
          `curl -s -o /dev/null -w '%{http_code}\\n' http://$${envName(i)}:10256/healthz   # expect ${ph.healthz}`,
        );
    });
  }
  lines.push(
    '',
    `# The source IP each Pod logs: echoserver prints it as client_address (NodePort ${NODE_PORT} on each node)`,
  );
  state.nodes.forEach((_, i) => {
    const flow = nodePortAnswer.flows.find((f) => f.from === 'external' && f.node === nodeName(i));
    let expect = 'no flow evaluated';
    if (flow) {
      if (flow.verdict === 'dropped') expect = 'no answer: the packet is dropped, curl times out';
      else if (flow.verdict === 'rejected') expect = 'connection refused';
      else if (flow.verdict === 'forwarded') {
        const kinds = [
          ...new Set(
            flow.backends
              .filter((b) => b.probability !== '0')
              .map((b) => KIND_WORDS[b.sourceIpKind](b.crossesNodes ? nodeName(i) : nodeName(i))),
          ),
        ];
        expect = kinds.join(' or ');
      } else expect = flow.verdict;
    }
    lines.push(
      `curl -s --max-time 3 http://$${envName(i)}:${NODE_PORT}/ | grep client_address   # expect ${expect}`,
    );
  });
  lines.push(...insideCommands(state, lbAnswer));
  return lines.join('\n') + '\n';
}

const TARGET: Record<ReturnType<typeof destinationOf>, (node: number) => string> = {
  clusterIP: () => `TARGET=$(kubectl get service web -o jsonpath='{.spec.clusterIP}')`,
  loadBalancer: () => `TARGET=$(kubectl get service web -o jsonpath='{.status.loadBalancer.ingress[0].ip}')`,
  nodePort: (node) => `TARGET=$${envName(node)}:${NODE_PORT}`,
};

/** The inside sender's requests (client Pod or the node's host network), expected as the engine's inside flow says. */
function insideCommands(state: ExplorerState, lbAnswer: Answer): string[] {
  const { kind, node } = state.source;
  if (kind === 'external') return [];
  const from = kind === 'pod' ? `pod/${CLIENT_POD}` : `node/${nodeName(node)}`;
  const flow = lbAnswer.flows.find((f) => f.from === from);
  const lines = [
    '',
    `# Traffic from ${kind === 'pod' ? `a client Pod on ${nodeName(node)}` : `${nodeName(node)}'s host network`}`,
  ];
  let run: string;
  if (kind === 'pod') {
    const overrides = JSON.stringify({
      apiVersion: 'v1',
      spec: { nodeSelector: { [NODE_LABEL]: nodeName(node) } },
    });
    lines.push(
      `kubectl run ${CLIENT_POD} --image=curlimages/curl --restart=Never --overrides='${overrides}' --command -- sleep 3600`,
    );
    lines.push(`kubectl wait --for=condition=Ready pod/${CLIENT_POD}`);
    run = `kubectl exec ${CLIENT_POD} -- `;
  } else {
    // A kind node is a container named after the node.
    run = `docker exec $(kubectl get node -l ${NODE_LABEL}=${nodeName(node)} -o jsonpath='{.items[0].metadata.name}') `;
  }
  lines.push(TARGET[destinationOf(state)](node));
  let expect = 'no flow evaluated';
  if (flow?.verdict === 'dropped') expect = 'no answer: the packet is dropped, curl times out';
  else if (flow?.verdict === 'rejected') expect = 'connection refused';
  else if (flow?.verdict === 'forwarded') {
    const served = flow.backends.filter((b) => b.probability !== '0');
    const nodes = [...new Set(served.map((b) => nodeOfPod(state, b.pod)))].join(' or ');
    const own = kind === 'pod' ? 'the client Pod’s own IP' : `${nodeName(node)}'s own IP`;
    const seen = [
      ...new Set(
        served.map((b) => (b.sourceIpKind === 'client' ? own : KIND_WORDS[b.sourceIpKind](nodeName(node)))),
      ),
    ].join(' or ');
    expect = `a Pod on ${nodes}; client_address ${seen}`;
  } else if (flow) expect = flow.verdict;
  const curl = `${run}curl -s --max-time 3 http://$TARGET/ | grep -E 'Hostname|client_address'`;
  if (flow?.steps.some((s) => s.startsWith('R-LB-5')) && flow.verdict === 'forwarded') {
    lines.push(
      `for i in 1 2 3 4 5; do ${curl}; done   # expect ${expect}; ClientIP affinity: the same Hostname every time`,
    );
  } else {
    lines.push(`${curl}   # expect ${expect}`);
  }
  return lines;
}

function nodeOfPod(state: ExplorerState, pod: string): string {
  const i = state.pods.findIndex((_, n) => podName(state, n) === pod);
  return i < 0 ? pod : nodeName(state.pods[i]!.node);
}
