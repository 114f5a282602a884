/**
 * What the explorer shows below its diagram about the answer: the followed flow's packet walk, its topology
 * hints, the shares and the health-check answers. No hooks, so a Server Component too: the explorer page renders
 * it for the default layout on the server, and the browser loads it (with the engine) only for other layouts
 * (issue 18: not on the page's first load).
 */
import { FlowWalk } from '@/app/_components/article/flow-walk';
import { HealthChecksView } from '@/app/_components/article/health-checks-view';
import { SharesView } from '@/app/_components/article/shares-view';
import type { Answer, FlowAnswer, Scenario } from '@/lib/engine';
import { TopologyView } from './topology-view';

export function ExplorerDetails({ scenario, answer, focus, headingLevel }: { scenario: Scenario; answer: Answer; focus: FlowAnswer | undefined; headingLevel: 3 | 4 }) {
  return (
    <>
      {focus && <FlowWalk flow={focus} headingLevel={headingLevel} />}
      <TopologyView scenario={scenario} flow={focus} />
      <SharesView scenario={scenario} answer={answer} title="Shares of new connections through the load balancer" />
      <HealthChecksView answer={answer} title="Health-check node port answers" />
    </>
  );
}
