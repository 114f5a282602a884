/**
 * Zones and topology hints for the explorer: each endpoint's zone and the hints the engine assigns as the
 * EndpointSlice controller does (assignHints, R-EP-5), the probability the walked flow gives each endpoint, and
 * the engine's own R-EP-5 step for that flow (which endpoints the sender's node keeps, or that hints fall back).
 * Shown only when a node has a zone or trafficDistribution is set.
 */
import { assignHints, type FlowAnswer, type Scenario } from '@/lib/engine';
import { cellClass, figureClass, tableClass } from '@/app/_components/article/styles';

export function TopologyView({ scenario, flow }: { scenario: Scenario; flow: FlowAnswer | undefined }) {
  const distribution = scenario.service.trafficDistribution;
  if (!distribution && !scenario.cluster.nodes.some((n) => n.zone)) return null;
  const hinted = assignHints(scenario.endpoints, distribution);
  const step = flow?.steps.find((s) => s.startsWith('R-EP-5'));
  const title = 'Zones and topology hints';
  return (
    <div className={figureClass} role="region" aria-label={title} tabIndex={0} data-topology>
      <table className={tableClass}>
        <caption className="mb-1 text-left font-semibold">
          {`${title}: trafficDistribution ${distribution ?? 'not set'}`}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={cellClass}>
              Endpoint
            </th>
            <th scope="col" className={cellClass}>
              Node (zone)
            </th>
            <th scope="col" className={cellClass}>
              Hint: zone
            </th>
            <th scope="col" className={cellClass}>
              Hint: node
            </th>
            <th scope="col" className={cellClass}>
              Walked flow
            </th>
          </tr>
        </thead>
        <tbody>
          {hinted.map(({ endpoint, forZone, forNode }) => (
            <tr key={endpoint.pod}>
              <th scope="row" className={cellClass}>
                {endpoint.pod}
              </th>
              <td className={cellClass}>{`${endpoint.node ?? '—'} (${endpoint.zone ?? 'no zone'})`}</td>
              <td className={cellClass}>{forZone ?? 'none'}</td>
              <td className={cellClass}>{forNode ?? 'none'}</td>
              <td className={cellClass}>
                {flow?.backends.find((b) => b.pod === endpoint.pod)?.probability ?? '0'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {step && (
        <p className="mt-1 text-sm" data-topology-step>
          {step}
        </p>
      )}
    </div>
  );
}
