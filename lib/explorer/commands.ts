/**
 * Shell commands that show, on a real cluster built from the explorer's manifests, the same health-check
 * answers and source IPs the engine predicts. Expectations come from engine answers passed in, never
 * from rules restated here: `lbAnswer` for the health checks, `nodePortAnswer` (outside traffic dialled
 * at each node's NodePort) for what each curl prints.
 */
import type { Answer, SourceIpKind } from '@/lib/engine';
import { HEALTH_CHECK_NODE_PORT, NODE_PORT, nodeName, type ExplorerState } from './state';
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
    lines.push('', '# Make the terminating Pods terminate (their preStop hook keeps them serving for an hour)');
    for (const g of terminating) lines.push(`kubectl scale deployment ${g.name} --replicas=0`);
  }
  const drained = state.nodes.map((n, i) => (n.drained ? i : -1)).filter((i) => i >= 0);
  if (drained.length > 0) {
    lines.push('', '# Mark the drained nodes as being deleted by the cluster autoscaler');
    for (const i of drained) lines.push(`kubectl taint node -l ${NODE_LABEL}=${nodeName(i)} ToBeDeletedByClusterAutoscaler=:NoSchedule`);
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
    lines.push('', '# No health-check node port: it exists only for type LoadBalancer with externalTrafficPolicy Local');
  }
  lines.push('', '# kube-proxy’s own health (what Cluster-policy balancers may probe)');
  state.nodes.forEach((_, i) => {
    const ph = lbAnswer.proxyHealth?.[nodeName(i)];
    if (ph) lines.push(`curl -s -o /dev/null -w '%{http_code}\\n' http://$${envName(i)}:10256/healthz   # expect ${ph.healthz}`);
  });
  lines.push('', `# The source IP each Pod logs: echoserver prints it as client_address (NodePort ${NODE_PORT} on each node)`);
  state.nodes.forEach((_, i) => {
    const flow = nodePortAnswer.flows.find((f) => f.from === 'external' && f.node === nodeName(i));
    let expect = 'no flow evaluated';
    if (flow) {
      if (flow.verdict === 'dropped') expect = 'no answer: the packet is dropped, curl times out';
      else if (flow.verdict === 'rejected') expect = 'connection refused';
      else if (flow.verdict === 'forwarded') {
        const kinds = [...new Set(flow.backends.filter((b) => b.probability !== '0').map((b) => KIND_WORDS[b.sourceIpKind](b.crossesNodes ? nodeName(i) : nodeName(i))))];
        expect = kinds.join(' or ');
      } else expect = flow.verdict;
    }
    lines.push(`curl -s --max-time 3 http://$${envName(i)}:${NODE_PORT}/ | grep client_address   # expect ${expect}`);
  });
  return lines.join('\n') + '\n';
}
