/**
 * kube-proxy's packet tracer for its iptables unit tests (the tracer itself lives in lib/engine/rules/trace.ts,
 * where the explorer's rules panel uses it too), ported from pkg/proxy/iptables/proxier_test.go
 * (iptablesTracer.ruleMatches / runChain, tracePacket, runPacketFlowTests), so that the per-feature tests that
 * state their expectations as packet flows can be run against our rendered rules unchanged.
 *
 * Semantics kept from the original: rules with history checks (recent --rcheck, mark, conntrack) never match;
 * statistic rules match and the trace continues, so every reachable endpoint is listed; nat runs first (we start
 * at KUBE-SERVICES, the only jump kube-proxy puts in PREROUTING), then the destination is rewritten by the first
 * DNAT, then filter KUBE-SERVICES, KUBE-EXTERNAL-SERVICES, KUBE-NODEPORTS and KUBE-PROXY-FIREWALL run.
 */
import { tracePacket as traceOnNode, type IptablesRendering, type TraceResult } from '@/lib/engine/rules';

/** NewFakeProxier's node addresses (testNodeIPs, IPv4 part). */
export const TEST_NODE_IPS = ['192.168.0.2', '192.168.1.2', '192.168.99.11'];

/** tracePacket on NewFakeProxier's node addresses unless told otherwise. */
export function tracePacket(
  rendering: IptablesRendering,
  sourceIP: string,
  protocol: string,
  destIP: string,
  destPort: string,
  nodeIPs: readonly string[] = TEST_NODE_IPS,
): TraceResult {
  return traceOnNode(rendering, sourceIP, protocol, destIP, destPort, nodeIPs);
}

/** A kube-proxy packetFlowTest. */
export interface PacketFlowTest {
  name: string;
  sourceIP: string;
  destIP: string;
  destPort: number;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  output: string;
  masq?: boolean;
}

/** runPacketFlowTests: one Jest case per flow, comparing output and masq. */
export function runPacketFlowTests(render: () => IptablesRendering, flows: PacketFlowTest[]): void {
  it.each(flows.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const r = tracePacket(
      render(),
      f.sourceIP,
      (f.protocol ?? 'TCP').toLowerCase(),
      f.destIP,
      String(f.destPort),
    );
    expect({ output: r.output, masq: r.masq }).toEqual({ output: f.output, masq: f.masq ?? false });
  });
}
