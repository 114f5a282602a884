/** Pure (no server imports): the explorer renders it too. */
import type { Answer } from '@/lib/engine';
import { cellClass, figureClass, tableClass } from './styles';

/** What each node's health-check node port answers: status, weight header and the byte-exact body. */
export function HealthChecksView({ answer, title }: { answer: Answer; title: string }) {
  if (!answer.healthChecks) {
    return (
      <p className="my-4 rounded border border-border bg-surface p-3 text-sm">
        {`${title}: none. kube-proxy opens a health-check node port only for a LoadBalancer Service with externalTrafficPolicy Local.`}
      </p>
    );
  }
  const port = answer.healthChecks.port;
  return (
    <div className={figureClass} role="region" aria-label={title} tabIndex={0}>
      <table className={tableClass}>
        <caption className="mb-1 text-left font-semibold">{title}</caption>
        <thead>
          <tr>
            <th scope="col" className={cellClass}>Request</th>
            <th scope="col" className={cellClass}>Status</th>
            <th scope="col" className={cellClass}>X-Load-Balancing-Endpoint-Weight</th>
            <th scope="col" className={cellClass}>Body</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(answer.healthChecks.nodes).map(([node, hc]) => (
            <tr key={node}>
              <th scope="row" className={cellClass}>
                <code>{`GET http://${node}:${port}/healthz`}</code>
              </th>
              <td className={cellClass}>{hc.status === 200 ? '200 OK' : '503 Service Unavailable'}</td>
              <td className={cellClass}>{hc.headers['X-Load-Balancing-Endpoint-Weight']}</td>
              <td className={cellClass}>
                <pre className="whitespace-pre text-xs" style={{ tabSize: 2 }}>
                  {hc.body}
                </pre>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
