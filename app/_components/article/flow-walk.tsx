/** Pure (no server imports): used by the article figures and by the explorer island. */
import { SOURCE_KIND_LABEL, VERDICT_LABEL, describeFlow } from '@/app/_components/cluster-diagram';
import type { FlowAnswer } from '@/lib/engine';
import { cellClass, tableClass } from './styles';
import { RENDER_LATER } from '../render-later/class-names';

/** One flow's walk as the engine traced it: every rule applied, then where the connection can land. */
export function FlowWalk({ flow, headingLevel = 3, context }: { flow: FlowAnswer; headingLevel?: 3 | 4; context?: string }) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  // The scenario's name keeps the label unique when several walks on a page describe alike flows.
  const title = describeFlow(flow) + (context ? ` (${context})` : '');
  return (
    <section aria-label={title} className={`my-4 rounded-lg border border-border p-3 ${RENDER_LATER}`}>
      <Heading className="font-semibold">{title}</Heading>
      <p className="text-sm">
        {`Verdict: ${VERDICT_LABEL[flow.verdict]}. ${flow.masquerade ? 'Masqueraded (SNAT).' : 'Not masqueraded.'}`}
      </p>
      <ol className="my-2 list-decimal pl-6 text-sm">
        {flow.steps.map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </ol>
      {flow.backends.length > 0 && (
        <div className="overflow-x-auto" role="region" aria-label={`${title}: backends`} tabIndex={0}>
          <table className={tableClass}>
            <caption className="text-left text-sm font-semibold">Where the connection lands</caption>
            <thead>
              <tr>
                <th scope="col" className={cellClass}>Pod</th>
                <th scope="col" className={cellClass}>Probability</th>
                <th scope="col" className={cellClass}>Crosses nodes</th>
                <th scope="col" className={cellClass}>Source IP the Pod sees</th>
              </tr>
            </thead>
            <tbody>
              {flow.backends.map((b) => (
                <tr key={b.pod}>
                  <th scope="row" className={cellClass}>
                    {b.pod}
                  </th>
                  <td className={cellClass}>{b.probability}</td>
                  <td className={cellClass}>{b.crossesNodes ? 'yes' : 'no'}</td>
                  <td className={cellClass}>{`${b.sourceIp} (${SOURCE_KIND_LABEL[b.sourceIpKind]})`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

