/**
 * A client Pod (not selected by the Service) calling a plain ClusterIP Service built from a layout: the scenario
 * shape the session-affinity and topology kinds share (issue 13).
 */
import type { ScenarioInput } from '@/lib/engine';
import { toScenarioInput, type Layout, type LayoutNode } from '../layout';
import { podName, replicaSetHash } from '../names';
import type { Rng } from '../random';

export interface ClientPod {
  name: string;
  ip: string;
  app: string;
  node: LayoutNode;
}

/** A client Pod on `node` with an app label from `apps` other than the Service's (host .250 of the node's podCIDR). */
export function drawClientPod(rng: Rng, layout: Layout, node: LayoutNode, apps: readonly string[]): ClientPod {
  const app = rng.pick(apps.filter((a) => a !== layout.naming.serviceName));
  return { app, node, name: podName(rng, app, replicaSetHash(rng)), ip: `10.${layout.naming.podOctet}.${node.index + 1}.250` };
}

type Spec = ScenarioInput['service']['spec'];
type NodeInput = ScenarioInput['cluster']['nodes'][number];

/**
 * The layout's cluster plus `client`, a ClusterIP Service (port 80 → 8080) with `extra` spec fields, and one flow
 * from the client to the ClusterIP. `node` may rewrite each node (zone labels).
 */
export function podToClusterIP(layout: Layout, client: ClientPod, extra: Partial<Spec>, node: (n: NodeInput) => NodeInput = (n) => n): ScenarioInput {
  const base = toScenarioInput(layout);
  return {
    cluster: {
      ...base.cluster,
      nodes: base.cluster.nodes.map(node),
      pods: [...(base.cluster.pods ?? []), { name: client.name, node: client.node.name, ip: client.ip, labels: { app: client.app, role: 'client' } }],
    },
    service: {
      metadata: base.service.metadata,
      spec: {
        type: 'ClusterIP',
        selector: { app: layout.naming.serviceName },
        clusterIP: layout.naming.clusterIP,
        ...extra,
        ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }],
      },
    },
    client: base.client,
    traffic: [{ from: `pod/${client.name}`, to: 'clusterIP' }],
  };
}
