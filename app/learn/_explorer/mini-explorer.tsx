/**
 * The small explorer near the top of the article: flip the policy, pick where traffic enters, and watch the
 * diagram. The first view is drawn here, at build time, from the explorer's default layout (no JavaScript
 * needed to see it); the engine is fetched only once the reader changes something. It shares the `s` URL
 * parameter with the full explorer further down, which opens with the same layout.
 */
import { ClusterDiagram } from '@/app/_components/cluster-diagram';
import { DEFAULT_STATE } from '@/lib/explorer/state';
import { resultSummary } from '@/lib/explorer/summary';
import { runExplorer } from './run-engine';
import { MiniIsland } from './mini-island';
import { miniTitle } from './mini-title';

export function MiniExplorer() {
  const run = runExplorer(DEFAULT_STATE);
  if (!run.ok) throw new Error(`MiniExplorer: the default layout does not evaluate: ${run.error}`);
  return (
    <MiniIsland previewSummary={resultSummary(DEFAULT_STATE, run.answer, run.focusFlow)}>
      <ClusterDiagram id="mini-explorer-diagram" scenario={run.scenario} answer={run.answer} highlightFlow={run.focusFlow} title={miniTitle(DEFAULT_STATE)} />
    </MiniIsland>
  );
}
