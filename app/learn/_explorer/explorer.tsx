'use client';
/**
 * The live explorer: edit a layout, and the engine (running in the browser) redraws the diagram, shares,
 * health-check answers and the packet walk at once. The layout lives in the URL (`?s=…`).
 */
import { memo, useDeferredValue, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Answer } from '@/lib/engine';
import type { ExplorerState } from '@/lib/explorer/state';
import { ClusterDiagram } from '@/app/_components/cluster-diagram';
// lib/explorer's modules, not its barrel: the manifests (YAML) there are the artefacts' business (issue 18).
import { applyAction, type ExplorerAction } from '@/lib/explorer/actions';
import { DEFAULT_STATE } from '@/lib/explorer/state';
import { resultSummary } from '@/lib/explorer/summary';
import { URL_PARAM, encodeState, stateFromSearch } from '@/lib/explorer/url-codec';
import { Controls } from './controls';
import { ArtefactsView } from './artefacts-view';
import { EXPLORER_TITLE, ExplorerStandIn } from './explorer-stand-in';
import type { ArtefactTexts } from './artefacts';
import { chunkStore } from './chunk-store';
import type { EngineRun } from './run-engine';
import { RulesPanel, type RulesAhead } from './rules-panel';
import { useSearch, writeState } from './url-state';

/**
 * The engine (the scenario reader with its schema, and the evaluator), with the views of its answer below the
 * diagram (the walk, shares and health checks; the rule renderers): chunks of their own, requested as soon as
 * this module runs, and not on the page's first load (issue 18). Until they arrive the explorer shows `initial`,
 * the default layout's run and views computed on the server, with its controls disabled. Their arrival renders
 * in a task of its own, not in the one that evaluated the chunks.
 */
const engineChunk = chunkStore(
  () =>
    Promise.all([import('./run-engine'), import('./explorer-details'), import('./rules-render')]).then(([run, details, rules]) => ({
      ...run,
      ExplorerDetails: details.ExplorerDetails,
      renderRules: rules.renderFor,
    })),
  (arrive) => setTimeout(arrive),
);
engineChunk.request();
type Engine = NonNullable<ReturnType<typeof engineChunk.useChunk>['module']>;

/**
 * The artefacts' texts (with the `yaml` package) for a layout other than the one computed ahead: requested when
 * a reader first reaches for the controls (or such a layout first shows), not with the engine, so a visit that
 * only reads never loads them (issue 18).
 */
const artefactsChunk = chunkStore(() => import('./artefacts'));

/** What a reader is told when the engine's chunk could not be loaded. */
const ENGINE_FAILED = 'The routing engine could not be loaded (a network error?): reload the page to change the layout.';

/**
 * A layout, its run, and the views below the diagram computed ahead, on the server (the explorer page renders
 * them with the heading level its explorer gives them): the walk, shares and health checks; the rules panel's
 * starting rules (the panel itself is live: its controls wait for the rule renderers); the artefacts.
 */
type InitialRun = { state: ExplorerState; run: EngineRun; details: ReactNode; rules: RulesAhead; artefacts: ArtefactTexts };

type Props = { headingLevel?: 2 | 3; initial?: InitialRun };

export function Explorer({ headingLevel = 2, initial }: Props) {
  const { module: engine, failed } = engineChunk.useChunk();
  const search = useSearch();
  const decoded = useMemo(() => stateFromSearch(search, DEFAULT_STATE), [search]);
  const linked = decoded.ok ? decoded.state : DEFAULT_STATE;
  const initialCode = useMemo(() => (initial ? encodeState(initial.state) : null), [initial]);
  // A linked layout (…?s=…) before the engine has arrived: the layout computed ahead stays in view, its controls
  // disabled, until the linked one can be evaluated (rather than the explorer giving way to a loading box).
  const linkedCode = encodeState(linked);
  const waiting = !engine && !failed && initial !== undefined && linkedCode !== initialCode;
  const state = waiting ? initial.state : linked;
  const code = waiting ? initialCode : linkedCode;
  // The run computed ahead while its layout is shown (also once the engine is in: the same answer, so its
  // arrival re-renders only what needs the engine); the engine's own for any other layout.
  const run = useMemo(() => (initial && initialCode === code ? initial.run : engine ? engine.runExplorer(state) : null), [engine, state, initial, initialCode, code]);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  // A change paints the summary, controls and diagram first; the details below follow in a render of their own.
  const details = useDeferredValue(useMemo(() => (run ? { state, run, code } : null), [state, run, code]));
  // The views rendered ahead, while the details show their layout (the engine's arrival then gives the rules panel
  // its renderers, and re-renders nothing else below the diagram).
  const ahead = initial && details?.code === initialCode ? initial : undefined;

  // A deep link (…#explorer) lands on the explorer once it exists (it loads after the page).
  useEffect(() => {
    if (window.location.hash === '#explorer') document.getElementById('explorer')?.scrollIntoView();
  }, []);

  // The controls and the diagram as elements kept while their inputs stand, so that the engine's arrival (which
  // enables the controls) does not render them again.
  const controls = useMemo(() => <Controls state={state} dispatch={(action: ExplorerAction) => writeState(applyAction(state, action))} idBase="explorer" />, [state]);
  const title = `Explorer: ${state.policy} policy, ${state.nodes.length} nodes, ${state.pods.length} Pods`;
  const diagram = useMemo(
    () => run?.ok && <ClusterDiagram id="explorer-diagram" scenario={run.scenario} answer={run.answer} highlightFlow={run.focusFlow} title={title} />,
    [run, title],
  );

  // A first reach for the controls (focus, pointer down) readies what a change needs before the change: the
  // artefacts' chunk, and the engine, warmed (a pointer's press comes a frame or more before its click).
  const reach = () => {
    artefactsChunk.request();
    engine?.prepareChange();
  };

  if (!run) return <EngineLoading headingLevel={headingLevel} failed={failed} />;
  return (
    <section aria-labelledby="explorer-heading" className="my-8 rounded-xl border border-border p-3 sm:p-4" data-explorer data-engine={engine ? 'ready' : 'loading'}>
      <Heading id="explorer-heading" className="text-xl font-bold">
        {EXPLORER_TITLE}
      </Heading>
      {!decoded.ok && (
        <p role="alert" className="my-2 rounded border border-bad p-2 text-sm text-bad">
          {`This link’s layout could not be read, so the default layout is shown. ${decoded.issues.map((i) => i.message).join(' ')}`}
        </p>
      )}
      <p className="my-2 text-sm">
        <a className="text-accent underline" href={`?${URL_PARAM}=${code}#explorer`}>
          Link to this layout
        </a>{' '}
        <span className="text-muted">{`(layout code ${code})`}</span>
      </p>
      <noscript>
        <p className="my-2 text-sm">The explorer runs the routing engine in your browser: turn on JavaScript to change the layout.</p>
      </noscript>
      {waiting && (
        <p role="status" className="my-2 text-sm" data-explorer-waiting>
          Loading the routing engine to show the linked layout…
        </p>
      )}
      {failed && (
        <p role="alert" className="my-2 rounded border border-bad p-2 text-sm text-bad">
          {ENGINE_FAILED}
        </p>
      )}
      {run.ok && (
        // One line of results by the controls: sticky on narrow screens, so a change reads at once wherever the diagram is.
        <p aria-live="polite" className="sticky top-0 z-10 -mx-1 my-2 border-b border-border bg-bg px-1 py-1 text-sm lg:static lg:border-0" data-explorer-summary>
          {resultSummary(state, run.answer, run.focusFlow)}
        </p>
      )}
      {/* The diagram, the controls, the details: in this order in the page, so a first paint of a partly read
          page never shows the controls where the diagram then appears (a layout shift). Wide: the controls in a
          column of their own, beside both. */}
      <div className="grid gap-4 lg:grid-cols-[20rem_minmax(0,1fr)] lg:grid-rows-[auto_1fr]">
        {run.ok ? (
          <div className="min-w-0 lg:col-start-2 lg:row-start-1">{diagram}</div>
        ) : (
          <p role="alert" className="text-bad lg:col-start-2 lg:row-start-1">{`The engine could not read this layout: ${run.error}`}</p>
        )}
        <div className="lg:col-start-1 lg:row-span-2 lg:row-start-1" onFocus={reach} onPointerDown={reach}>
          {/* Disabled until the engine has arrived (and so after hydration): a choice made before would show in
              the form while the diagram kept the old layout. */}
          <fieldset disabled={!engine} aria-busy={!engine} className="m-0 min-w-0 border-0 p-0">
            <legend className="sr-only">Cluster layout</legend>
            {controls}
          </fieldset>
        </div>
        {run.ok && (
          <div className="min-w-0 lg:col-start-2 lg:row-start-2">
            {details && (
              <Details state={details.state} run={details.run} ahead={ahead} engine={engine} headingLevel={headingLevel === 2 ? 3 : 4} />
            )}
          </div>
        )}
      </div>
    </section>
  );
}

/** Shown where no run is at hand: the article's island before the engine has arrived, or a layout it could not load for. */
function EngineLoading({ headingLevel, failed }: { headingLevel: 2 | 3; failed: boolean }) {
  return (
    <ExplorerStandIn kind="loading" headingLevel={headingLevel}>
      {failed ? (
        <p role="alert" className="my-2 text-sm text-bad">
          {ENGINE_FAILED}
        </p>
      ) : (
        <p className="my-2 text-sm" aria-live="polite">
          Loading the routing engine…
        </p>
      )}
      <noscript>
        <p className="my-2 text-sm">The explorer runs the routing engine in your browser: turn on JavaScript to use it.</p>
      </noscript>
    </ExplorerStandIn>
  );
}

type DetailsProps = {
  state: ExplorerState;
  run: EngineRun;
  /** The layout's views rendered ahead (on the server); else the engine's views render them. */
  ahead: Pick<InitialRun, 'details' | 'rules' | 'artefacts'> | undefined;
  engine: Engine | null;
  headingLevel: 3 | 4;
};

/**
 * The walk, shares, health checks, rules and artefacts of a (deferred) layout. Memoised, so that while a change's
 * urgent render paints the diagram, this part is skipped and then rendered with the new layout.
 */
const Details = memo(function Details({ state, run, ahead, engine, headingLevel }: DetailsProps) {
  const views = useMemo(() => {
    if (!run.ok) return null;
    const rules = <RulesPanel scenario={run.scenario} answer={run.answer} focusFlow={run.focusFlow} render={engine?.renderRules ?? null} initial={ahead?.rules} />;
    if (ahead)
      return (
        <>
          {ahead.details}
          {rules}
          <Artefacts ahead={ahead.artefacts} state={state} answer={run.answer} runNodePort={null} />
        </>
      );
    if (!engine) return null; // not reached: a layout not rendered ahead is run by the engine
    const { ExplorerDetails } = engine;
    return (
      <>
        <ExplorerDetails scenario={run.scenario} answer={run.answer} focus={run.answer.flows[run.focusFlow]} headingLevel={headingLevel} />
        {rules}
        <Artefacts state={state} answer={run.answer} runNodePort={engine.runNodePort} />
      </>
    );
  }, [run, ahead, engine, state, headingLevel]);
  return views;
});

type ArtefactsProps = { ahead?: ArtefactTexts; state: ExplorerState; answer: Answer; runNodePort: Engine['runNodePort'] | null };

/**
 * The artefacts: computed ahead, else by their chunk once it is in (with the layout's NodePort answer for the
 * commands, run only then). One component in both cases, so that the blocks a reader opened stay open when the
 * layout changes.
 */
function Artefacts({ ahead, state, answer, runNodePort }: ArtefactsProps) {
  const { module, failed } = artefactsChunk.useChunk();
  useEffect(() => {
    if (!ahead) artefactsChunk.request();
  }, [ahead]);
  const live = useMemo(
    () => (!ahead && module && runNodePort ? module.artefactTexts(state, answer, runNodePort(state)) : null),
    [ahead, module, runNodePort, state, answer],
  );
  const current = ahead ?? live;
  // The texts last shown stay (marked as being updated) while a changed layout's wait for their chunk.
  const [shown, setShown] = useState(current);
  if (current && current !== shown) setShown(current);
  if (!ahead && failed) return <ArtefactsView texts={null} failed />;
  return <ArtefactsView texts={current ?? shown} updating={!current} />;
}
