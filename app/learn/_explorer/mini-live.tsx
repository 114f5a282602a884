'use client';
/** The mini explorer's live part: the engine runs in the browser on the current layout. */
import { ClusterDiagram } from '@/app/_components/cluster-diagram';
import type { ExplorerState } from '@/lib/explorer/state';
import { resultSummary } from '@/lib/explorer/summary';
import { miniTitle } from './mini-title';
import { runExplorer } from './run-engine';

export function MiniLive({ state }: { state: ExplorerState }) {
  const run = runExplorer(state);
  if (!run.ok) return <p role="alert" className="text-bad">{`The engine could not read this layout: ${run.error}`}</p>;
  return (
    <>
      <p className="mt-2 text-sm" aria-live="polite">
        {resultSummary(state, run.answer, run.focusFlow)}
      </p>
      <ClusterDiagram id="mini-explorer-diagram" scenario={run.scenario} answer={run.answer} highlightFlow={run.focusFlow} title={miniTitle(state)} />
    </>
  );
}
