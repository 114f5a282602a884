/** Pure (no server imports): the explorer renders it too. */
import type { Answer, Scenario } from '@/lib/engine';
import { cellClass, figureClass, tableClass } from './styles';

/** Per-node and per-Pod shares of the load balancer's traffic, exactly as the engine computed them. */
export function SharesView({ scenario, answer, title }: { scenario: Scenario; answer: Answer; title: string }) {
  const shares = answer.shares;
  if (!shares) return <p className="my-4 text-sm">{`${title}: none (not a LoadBalancer Service).`}</p>;
  return (
    <div className={figureClass} role="region" aria-label={title} tabIndex={0}>
      <table className={tableClass}>
        <caption className="mb-1 text-left font-semibold">{title}</caption>
        <thead>
          <tr>
            <th scope="col" className={cellClass}>Node</th>
            <th scope="col" className={cellClass}>Sent to the node by the balancer</th>
            <th scope="col" className={cellClass}>Served by Pods on the node</th>
            <th scope="col" className={cellClass}>Each Pod on the node</th>
          </tr>
        </thead>
        <tbody>
          {scenario.cluster.nodes.map((node) => {
            const pods = scenario.endpoints.filter((e) => e.node === node.name);
            return (
              <tr key={node.name}>
                <th scope="row" className={cellClass}>
                  {node.name}
                </th>
                <td className={cellClass}>{answer.loadBalancer?.[node.name] ?? '—'}</td>
                <td className={cellClass}>{shares.nodes[node.name] ?? '0'}</td>
                <td className={cellClass}>
                  {pods.length === 0 ? 'no Pods' : pods.map((p) => `${p.pod}: ${shares.pods[p.pod] ?? '0'}`).join(', ')}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className={cellClass}>Dropped</th>
            <td className={cellClass} colSpan={3}>{shares.dropped}</td>
          </tr>
          <tr>
            <th scope="row" className={cellClass}>Rejected</th>
            <td className={cellClass} colSpan={3}>{shares.rejected}</td>
          </tr>
          <tr>
            <th scope="row" className={cellClass}>Crosses nodes</th>
            <td className={cellClass} colSpan={3}>{shares.crossNode}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
