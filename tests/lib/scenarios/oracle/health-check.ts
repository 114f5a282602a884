/** Oracle for health-check (R-HC-1..5): status, count and kube-proxy's exact body per node. No lib/engine. */
import type { ScenarioInput } from '@/lib/engine';
import type { HealthCheckAsk } from '@/lib/scenarios/kinds/health-check';
import { Oracle } from './model';

/** R-HC-5, written out again from the rule's JS-string form. */
function body(ns: string, name: string, n: number): string {
  return (
    '{\n\t"service": {\n\t\t"namespace": "' +
    ns +
    '",\n\t\t"name": "' +
    name +
    '"\n\t},\n\t"localEndpoints": ' +
    n +
    ',\n\t"serviceProxyHealthy": true\n}'
  );
}

export function oracleKey(scenario: ScenarioInput, ask: HealthCheckAsk): Record<string, string> {
  const o = new Oracle(scenario);
  if (!o.lbType || !o.local)
    throw new Error('oracle health-check: only LoadBalancer + Local has a health-check port (R-HC-1)');
  if (o.mode.startsWith('cilium'))
    throw new Error('oracle health-check: Cilium bodies are not asked (R-HC-CIL)');
  const key: Record<string, string> = {};
  for (const n of o.nodes) {
    const c = o.hcCount(n.name);
    key[`status:${n.name}`] = c > 0 ? '200' : '503';
    if (ask.localEndpoints) key[`localEndpoints:${n.name}`] = String(c);
  }
  if (ask.bodyNode) {
    const md = scenario.service.metadata;
    key[`body:${ask.bodyNode}`] = body(md.namespace ?? 'default', md.name, o.hcCount(ask.bodyNode));
  }
  return key;
}
