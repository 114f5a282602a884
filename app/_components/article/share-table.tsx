import { loadArticleScenario } from '@/lib/article';
import { SharesView } from './shares-view';

/** The shares of a named scenario. */
export function ShareTable({ name, caption }: { name: string; caption?: string }) {
  const { scenario, answer } = loadArticleScenario(name);
  if (!answer.shares) throw new Error(`ShareTable: scenario "${name}" has no load-balancer shares (not a LoadBalancer Service)`);
  return <SharesView scenario={scenario} answer={answer} title={caption ?? `Shares of new connections: ${scenario.name ?? name}`} />;
}
