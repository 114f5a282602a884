import { loadArticleScenario } from '@/lib/article';
import { FlowWalk } from './flow-walk';

/** The packet walk of one flow of a named scenario. */
export function PacketWalk({ name, flow }: { name: string; flow: number }) {
  const { answer, scenario } = loadArticleScenario(name);
  const f = answer.flows[flow];
  if (!f) throw new Error(`PacketWalk: scenario "${name}" has ${answer.flows.length} flows; there is no flow ${flow}`);
  return <FlowWalk flow={f} context={scenario.name ?? name} />;
}
