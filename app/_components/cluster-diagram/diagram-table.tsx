/** The diagram's text equivalent: every value drawn, as two accessible tables. */
import type { Answer, FlowAnswer, Scenario } from '@/lib/engine';
import { sourceIpsSeen } from '@/lib/engine/queries';
import { DIAGRAM_CLASS as css } from './classes';
import { POD_STATE_LABEL, SOURCE_KIND_LABEL, externalOutcome, nodeColumns, podState } from './describe';

export interface DiagramTableProps {
  scenario: Scenario;
  answer: Answer | null;
  title: string;
  flow?: FlowAnswer;
}

const cell = css.cell;

export function DiagramTable({ scenario, answer, title, flow }: DiagramTableProps) {
  const cols = nodeColumns(scenario);
  const probability = new Map(flow?.backends.map((b) => [b.pod, b.probability]) ?? []);
  // Cilium's kube-proxy replacement runs no kube-proxy, so there is no :10256/healthz to show.
  const kubeProxy = !scenario.cluster.proxyMode.startsWith('cilium');
  // Zones only when a node has one (topology.kubernetes.io/zone), as the diagram draws them.
  const zoned = scenario.cluster.nodes.some((n) => n.zone);
  const zoneOf = new Map(scenario.cluster.nodes.map((n) => [n.name, n.zone]));
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-accent underline underline-offset-2">Diagram as tables</summary>
      <div className="overflow-x-auto" role="region" aria-label={`${title}: tables`} tabIndex={0}>
        <table className={`mt-2 ${css.table}`}>
          <caption className="text-left font-semibold">{`${title}: nodes`}</caption>
          <thead>
            <tr>
              <th scope="col" className={cell}>Node</th>
              {zoned && <th scope="col" className={cell}>Zone</th>}
              <th scope="col" className={cell}>Load-balancer share</th>
              <th scope="col" className={cell}>Health-check node port</th>
              {kubeProxy && <th scope="col" className={cell}>kube-proxy /healthz</th>}
              <th scope="col" className={cell}>Traffic from outside</th>
            </tr>
          </thead>
          <tbody>
            {cols.map((c) => {
              const node = c.name;
              const hc = node !== null ? answer?.healthChecks?.nodes[node] : undefined;
              return (
                <tr key={c.label}>
                  <th scope="row" className={cell}>
                    {c.label}
                  </th>
                  {zoned && <td className={cell}>{(node !== null && zoneOf.get(node)) || 'none'}</td>}
                  <td className={cell}>{(node !== null && answer?.loadBalancer?.[node]) || '—'}</td>
                  <td className={cell}>
                    {hc ? `${hc.status} (localEndpoints ${hc.headers['X-Load-Balancing-Endpoint-Weight']})` : 'none'}
                  </td>
                  {kubeProxy && <td className={cell}>{(node !== null && answer?.proxyHealth?.[node]?.healthz) || '—'}</td>}
                  <td className={cell}>{node !== null && answer ? externalOutcome(answer, node) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <table className={`mt-3 ${css.table}`}>
          <caption className="text-left font-semibold">{`${title}: Pods`}</caption>
          <thead>
            <tr>
              <th scope="col" className={cell}>Pod</th>
              <th scope="col" className={cell}>Node</th>
              <th scope="col" className={cell}>Endpoint state</th>
              <th scope="col" className={cell}>Share of load-balancer traffic</th>
              {flow && <th scope="col" className={cell}>Probability in the highlighted flow</th>}
              <th scope="col" className={cell}>Source IP it sees</th>
            </tr>
          </thead>
          <tbody>
            {scenario.cluster.pods.map((p) => (
              <tr key={p.pod}>
                <th scope="row" className={cell}>
                  {p.pod}
                </th>
                <td className={cell}>{p.node ?? 'none'}</td>
                <td className={cell}>{POD_STATE_LABEL[podState(p)]}</td>
                <td className={cell}>{answer?.shares?.pods[p.pod] ?? '—'}</td>
                {flow && <td className={cell}>{probability.get(p.pod) ?? '0'}</td>}
                <td className={cell}>
                  {answer
                    ? sourceIpsSeen(answer, p.pod)
                        .map((s) => `${s.ip} (${SOURCE_KIND_LABEL[s.kind]})`)
                        .join('; ') || 'no traffic'
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
