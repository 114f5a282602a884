/**
 * The chains that make externalTrafficPolicy visible in iptables (issue 14's article figure): for one Service port
 * on one node, KUBE-EXT-… and the chain it hands external traffic to — KUBE-SVC-… under Cluster (R-EXT-1/2),
 * KUBE-SVL-… under Local (R-EXT-4..7) — with their rules exactly as renderIptables writes them. The same layout is
 * rendered under both policies so the two can be set side by side; nothing here is typed by hand.
 */
import type { Scenario } from '../model';
import { RulesError } from './common';
import { renderIptables } from './iptables';
import { serviceChainNames, servicePortName } from './names';

export interface PolicyChains {
  policy: 'Cluster' | 'Local';
  /** Each chain with its "-A CHAIN …" lines, KUBE-EXT first; a chain kube-proxy does not write is left out. */
  chains: { name: string; lines: string[] }[];
  /** What else the node writes for this port in filter KUBE-EXTERNAL-SERVICES (a DROP without local endpoints). */
  filterLines: string[];
}

/** Renders the scenario's first Service port on `nodeName` under externalTrafficPolicy Cluster and Local. */
export function externalPolicyChains(scenario: Scenario, nodeName: string): PolicyChains[] {
  const service = scenario.service;
  const port = service.ports[0];
  if (!port) throw new RulesError(`rules: the Service ${service.namespace}/${service.name} has no port`);
  const name = servicePortName(service.namespace, service.name, port.name);
  const names = serviceChainNames(name, port.protocol.toLowerCase());
  return (['Cluster', 'Local'] as const).map((policy) => {
    const variant: Scenario = { ...scenario, service: { ...service, externalTrafficPolicy: policy } };
    const r = renderIptables(variant, nodeName);
    const target = policy === 'Local' ? names.local : names.cluster;
    const chains = [names.external, target]
      .map((chain) => ({
        name: chain,
        lines: r.nat.rules.filter((x) => x.chain === chain).map((x) => x.line),
      }))
      .filter((c) => r.nat.chains.includes(c.name));
    const filterLines = r.filter.rules
      .filter((x) => x.chain === 'KUBE-EXTERNAL-SERVICES' && x.service === name)
      .map((x) => x.line);
    return { policy, chains, filterLines };
  });
}
