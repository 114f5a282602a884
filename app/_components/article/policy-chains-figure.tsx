import { loadArticleScenario } from '@/lib/article';
import { externalPolicyChains } from '@/lib/engine/rules';

/**
 * The Local vs Cluster difference as kube-proxy writes it on one node (iptables): KUBE-EXT-… and the chain it
 * hands external traffic to, computed at build time by lib/engine/rules for the named scenario under both
 * policies. Long lines scroll inside each block.
 */
export function PolicyChainsFigure({ name, node }: { name: string; node: string }) {
  const { scenario } = loadArticleScenario(name);
  const variants = externalPolicyChains(scenario, node);
  const title = `iptables on ${node}: the external chain under each policy`;
  return (
    <figure className="my-6" aria-label={title}>
      <figcaption className="mb-2 font-semibold">{title}</figcaption>
      <div className="grid gap-3 lg:grid-cols-2">
        {variants.map((v) => (
          <div key={v.policy} className="min-w-0">
            <h4 className="mb-1 text-sm font-semibold">
              externalTrafficPolicy: <code>{v.policy}</code>
            </h4>
            <pre
              className="overflow-x-auto rounded-lg border border-border bg-surface p-3 text-xs"
              tabIndex={0}
              aria-label={`kube-proxy rules on ${node} under ${v.policy}`}
            >
              {[
                ...v.chains.flatMap((c) => [`# nat ${c.name}`, ...c.lines]),
                ...(v.filterLines.length ? ['# filter KUBE-EXTERNAL-SERVICES', ...v.filterLines] : []),
              ].join('\n')}
            </pre>
          </div>
        ))}
      </div>
    </figure>
  );
}
