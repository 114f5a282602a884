/**
 * traceNft (the tracer over `nft list table ip kube-proxy`): for every flow of every stored scenario that kube-proxy
 * programs, the nftables trace reaches the same outcome as the iptables tracer over the iptables rendering of the
 * same node — the same DNAT destinations, or drop / reject — and marks for masquerade exactly when it does. Two
 * renderings, two tracers, one semantics (routing-semantics.md R-LB-1/2, R-INT-2, R-EXT-1..7, R-DROP-1/2).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { evaluate } from '@/lib/engine';
import { readScenarioText } from '@/lib/engine/text';
import { nftListTable, renderIptables, renderNftables, tracePacket, traceNft } from '@/lib/engine/rules';

const files = readdirSync('content/scenarios').filter((f) => f.endsWith('.yaml'));
const norm = (o: string) => o.toLowerCase().split(', ').filter(Boolean).sort().join(', ');

it('agrees with the iptables tracer on every flow of the stored scenarios', () => {
  const bad: string[] = [];
  let compared = 0;
  for (const f of files) {
    const read = readScenarioText(readFileSync(`content/scenarios/${f}`, 'utf8'), 'yaml');
    if (!read.ok) continue;
    const s = read.scenario;
    if (s.service.clusterIP === null || s.cluster.proxyMode.startsWith('cilium')) continue;
    const answer = evaluate(s);
    answer.flows.forEach((flow, i) => {
      const t = s.traffic[i]!;
      const node = s.cluster.nodes.find((n) => n.name === flow.node);
      const port = s.service.ports[0];
      if (!node || !port) return;
      const [kind, name] = t.from.split('/');
      const source = kind === 'external' ? s.client.ip : kind === 'pod' ? s.cluster.pods.find((p) => p.pod === name)?.ip : kind === 'node' ? s.cluster.nodes.find((n) => n.name === name)?.ip : undefined;
      const dest = t.ip ?? (t.to === 'clusterIP' ? s.service.clusterIP : t.to === 'loadBalancer' ? s.service.ingress[0]?.ip : t.to === 'nodePort' ? node.ip : undefined);
      const destPort = t.to === 'nodePort' ? port.nodePort : port.port;
      if (!source || !dest || destPort === null) return;
      let ipt, nft;
      try {
        ipt = tracePacket(renderIptables(s, node.name), source, 'tcp', dest, String(destPort), [node.ip]);
        const listed = nftListTable(renderNftables(s, node.name).lines).split('\n');
        nft = traceNft(listed, { source, dest, destPort: String(destPort), protocol: 'tcp', nodeIPs: [node.ip] });
      } catch {
        return; // a scenario the renderers refuse (named target port, …)
      }
      compared++;
      if (norm(ipt.output) !== norm(nft.output) || ipt.masq !== nft.masq)
        bad.push(`${f} flow ${i} (${t.from} → ${t.to} on ${node.name}): iptables ${ipt.output} masq ${ipt.masq}; nftables ${nft.output} masq ${nft.masq}`);
    });
  }
  expect(bad).toEqual([]);
  expect(compared).toBeGreaterThan(20);
});
