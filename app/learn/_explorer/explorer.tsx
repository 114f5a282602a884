'use client';
/**
 * The live explorer: edit a layout, and the engine (running in the browser) redraws the diagram, shares,
 * health-check answers and the packet walk at once. The layout lives in the URL (`?s=…`).
 */
import { useMemo } from 'react';
import { ClusterDiagram } from '@/app/_components/cluster-diagram';
import { FlowWalk } from '@/app/_components/article/flow-walk';
import { SharesView } from '@/app/_components/article/shares-view';
import { HealthChecksView } from '@/app/_components/article/health-checks-view';
import { DEFAULT_STATE, URL_PARAM, applyAction, encodeState, stateFromSearch, type ExplorerAction } from '@/lib/explorer';
import { Controls } from './controls';
import { Artefacts } from './artefacts';
import { runEngine } from './run-engine';
import { useSearch, writeState } from './url-state';

export function Explorer({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const search = useSearch();
  const decoded = useMemo(() => stateFromSearch(search, DEFAULT_STATE), [search]);
  const state = decoded.ok ? decoded.state : DEFAULT_STATE;
  const run = useMemo(() => runEngine(state), [state]);
  const dispatch = (action: ExplorerAction) => writeState(applyAction(state, action));
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const focus = run.ok ? run.answer.flows[run.focusFlow] : undefined;

  return (
    <section aria-labelledby="explorer-heading" className="my-8 rounded-xl border border-border p-3 sm:p-4" data-explorer>
      <Heading id="explorer-heading" className="text-xl font-bold">
        Explorer: change the cluster, watch the answer
      </Heading>
      {!decoded.ok && (
        <p role="alert" className="my-2 rounded border border-bad p-2 text-sm text-bad">
          {`This link’s layout could not be read, so the default layout is shown. ${decoded.error}`}
        </p>
      )}
      <p className="my-2 text-sm">
        <a className="text-accent underline" href={`?${URL_PARAM}=${encodeState(state)}`}>
          Link to this layout
        </a>{' '}
        <span className="text-muted">{`(layout code ${encodeState(state)})`}</span>
      </p>
      <div className="grid gap-4 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <Controls state={state} dispatch={dispatch} idBase="explorer" />
        <div className="min-w-0">
          {run.ok ? (
            <>
              <p aria-live="polite" className="sr-only">
                {run.answer.shares
                  ? `Updated. Dropped ${run.answer.shares.dropped}, crossing nodes ${run.answer.shares.crossNode}. ${Object.entries(run.answer.shares.pods)
                      .map(([p, s]) => `${p} ${s}`)
                      .join(', ')}.`
                  : 'Updated.'}
              </p>
              <ClusterDiagram
                id="explorer-diagram"
                scenario={run.scenario}
                answer={run.answer}
                highlightFlow={run.focusFlow}
                title={`Explorer: ${state.policy} policy, ${state.nodes.length} nodes, ${state.pods.length} Pods`}
              />
              {focus && <FlowWalk flow={focus} headingLevel={headingLevel === 2 ? 3 : 4} />}
              <SharesView scenario={run.scenario} answer={run.answer} title="Shares of new connections through the load balancer" />
              <HealthChecksView answer={run.answer} title="Health-check node port answers" />
              <Artefacts state={state} answer={run.answer} nodePortAnswer={run.nodePortAnswer} />
            </>
          ) : (
            <p role="alert" className="text-bad">{`The engine could not read this layout: ${run.error}`}</p>
          )}
        </div>
      </div>
    </section>
  );
}
