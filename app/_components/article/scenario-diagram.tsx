import { loadArticleScenario } from '@/lib/article';
import { ClusterDiagram } from '@/app/_components/cluster-diagram';

/** The diagram of a named scenario from content/scenarios, drawn from the engine's answer at build time. */
export function ScenarioDiagram({ name, flow, title }: { name: string; flow?: number; title?: string }) {
  const { scenario, answer } = loadArticleScenario(name);
  return (
    <ClusterDiagram
      id={`fig-${name}${flow !== undefined ? `-${flow}` : ''}`}
      scenario={scenario}
      answer={answer}
      highlightFlow={flow}
      title={title ?? scenario.name ?? name}
    />
  );
}
