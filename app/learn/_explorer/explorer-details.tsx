'use client';
/**
 * What the explorer shows below its diagram about the answer: the followed flow's packet walk, its topology
 * hints, the shares and the health-check answers. Its own chunk (explorer.tsx loads it with next/dynamic, still
 * rendered on the server): the first load carries the controls, the evaluator and the diagram (issue 18).
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
