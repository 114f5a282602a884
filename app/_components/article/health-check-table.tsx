import { loadArticleScenario } from '@/lib/article';
import { HealthChecksView } from './health-checks-view';

/** The health-check node port answers of a named scenario. */
export function HealthCheckTable({ name, caption }: { name: string; caption?: string }) {
  const { scenario, answer } = loadArticleScenario(name);
  return <HealthChecksView answer={answer} title={caption ?? `Health-check node port answers: ${scenario.name ?? name}`} />;
}
