'use client';
/**
 * The explorer's entry point for a whole scenario (an imported cluster), which the layout URL codec cannot
 * hold: the engine runs in the browser on the scenario as given, the learner picks where outside traffic enters
 * and may flip externalTrafficPolicy. A large cluster (many nodes or Pods) is drawn as groups of alike nodes,
 * only the followed flow is traced, and the long tables render when opened, so it stays responsive.
 */
import { useMemo, useState } from 'react';
import { ClusterDiagram } from '@/app/_components/cluster-diagram';
import { GroupedClusterDiagram } from '@/app/_components/cluster-diagram/grouped-diagram';
import { drawsGroups } from '@/app/_components/cluster-diagram/groups';
import { FlowWalk } from '@/app/_components/article/flow-walk';
import { SharesView } from '@/app/_components/article/shares-view';
import { HealthChecksView } from '@/app/_components/article/health-checks-view';
import { evaluate, formatIssue, parseScenario, type Answer, type FlowAnswer, type Scenario, type ScenarioInput } from '@/lib/engine';
import { DEFAULT_STATE } from '@/lib/explorer/state';
import { resultSummary } from '@/lib/explorer/summary';

type Policy = 'Cluster' | 'Local';
/** Backends listed in the packet walk of a large cluster; the rest are counted. */
const MAX_WALK_BACKENDS = 50;

type Run = { ok: true; scenario: Scenario; answer: Answer; focus: number; grouped: boolean } | { ok: false; error: string };

function withPolicy(input: ScenarioInput, policy: Policy | null): ScenarioInput {
  if (!policy) return input;
  const spec: Record<string, unknown> = { ...(input.service.spec as Record<string, unknown>), externalTrafficPolicy: policy };
  if (policy === 'Cluster') delete spec.healthCheckNodePort; // the API server clears it (R-API-*)
  return { ...input, service: { ...input.service, spec } } as ScenarioInput;
}

/** What neither a policy flip nor another entry node changes (the Service's type, the nodes, whether they are drawn as groups). */
type Shape = { ok: true; to: 'loadBalancer' | 'nodePort' | null; nodes: string[]; grouped: boolean } | { ok: false; error: string };

/** Read once per input, so that each change parses the scenario once (a parse of 500 Pods is most of a change's cost). */
function shapeOf(input: ScenarioInput): Shape {
  const first = parseScenario(input);
  if (!first.ok) return { ok: false, error: first.issues.map(formatIssue).join('; ') };
  const s = first.scenario;
  const to = s.service.type === 'LoadBalancer' ? 'loadBalancer' : s.service.type === 'NodePort' ? 'nodePort' : null;
  return { ok: true, to, nodes: s.cluster.nodes.map((n) => n.name), grouped: drawsGroups(s) };
}

function run(input: ScenarioInput, shape: Shape, policy: Policy | null, entry: string | null): Run {
  if (!shape.ok) return shape;
  const { to, nodes, grouped } = shape;
  const at = entry !== null && nodes.includes(entry) ? entry : nodes[0]!;
  // A large cluster: only the followed flow is traced (shares and health checks do not depend on the traffic).
  const traffic = !to ? null : grouped ? [{ from: 'external', to, node: at }] : nodes.map((node) => ({ from: 'external', to, node }));
  const parsed = parseScenario(traffic ? ({ ...withPolicy(input, policy), traffic } as ScenarioInput) : withPolicy(input, policy));
  if (!parsed.ok) return { ok: false, error: parsed.issues.map(formatIssue).join('; ') };
  return { ok: true, scenario: parsed.scenario, answer: evaluate(parsed.scenario), focus: !to || grouped ? 0 : nodes.indexOf(at), grouped };
}

function shortWalk(flow: FlowAnswer): { flow: FlowAnswer; more: number } {
  const landing = flow.backends.filter((b) => b.probability !== '0');
  if (landing.length <= MAX_WALK_BACKENDS) return { flow: { ...flow, backends: landing }, more: 0 };
  return { flow: { ...flow, backends: landing.slice(0, MAX_WALK_BACKENDS) }, more: landing.length - MAX_WALK_BACKENDS };
}

/** A table rendered only once its disclosure is opened (hundreds of rows cost nothing until asked for). */
function OnOpen({ summary, children }: { summary: string; children: () => React.ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="my-3 rounded-lg border border-border p-2" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer font-semibold">{summary}</summary>
      {open && children()}
    </details>
  );
}

export function ScenarioExplorer({ input, title, idBase = 'scenario-explorer' }: { input: ScenarioInput; title: string; idBase?: string }) {
  const [policy, setPolicy] = useState<Policy | null>(null);
  const [entry, setEntry] = useState<string | null>(null);
  const shape = useMemo(() => shapeOf(input), [input]);
  const result = useMemo(() => run(input, shape, policy, entry), [input, shape, policy, entry]);
  if (!result.ok) return <p role="alert" className="text-bad">{`The engine could not read this scenario: ${result.error}`}</p>;
  const { scenario, answer, focus, grouped } = result;
  const type = scenario.service.type;
  const external = type === 'LoadBalancer' || type === 'NodePort';
  const current = answer.service.externalTrafficPolicy ?? 'Cluster';
  const flow = answer.flows[focus];
  const walk = flow && grouped ? shortWalk(flow) : flow ? { flow, more: 0 } : null;
  const entryNode = flow?.node ?? scenario.cluster.nodes[0]?.name ?? '';
  const diagramTitle = `${title}: ${current} policy, ${scenario.cluster.nodes.length} nodes, ${scenario.cluster.pods.length} Pods`;
  return (
    <div data-scenario-explorer>
      {external && (
        <div className="flex flex-wrap items-end gap-4">
          <fieldset>
            <legend className="text-sm font-semibold">externalTrafficPolicy</legend>
            <div className="flex gap-3">
              {(['Cluster', 'Local'] as const).map((p) => (
                <label key={p} className="flex items-center gap-1">
                  <input type="radio" name={`${idBase}-policy`} value={p} checked={current === p} onChange={() => setPolicy(p)} />
                  {p}
                </label>
              ))}
            </div>
          </fieldset>
          <label className="flex flex-col text-sm">
            <span className="font-semibold">{type === 'LoadBalancer' ? 'Follow the balancer’s traffic entering' : 'Follow outside traffic to the NodePort of'}</span>
            <select className="max-w-full rounded border border-border bg-bg p-1" value={entryNode} onChange={(e) => setEntry(e.target.value)}>
              {scenario.cluster.nodes.map((n) => (
                <option key={n.name} value={n.name}>
                  {n.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <p aria-live="polite" className="my-2 text-sm" data-explorer-summary>
        {resultSummary({ ...DEFAULT_STATE, policy: current }, answer, focus)}
      </p>
      {grouped ? (
        <GroupedClusterDiagram id={`${idBase}-diagram`} scenario={scenario} answer={answer} highlightFlow={focus} title={diagramTitle} />
      ) : (
        <ClusterDiagram id={`${idBase}-diagram`} scenario={scenario} answer={answer} highlightFlow={focus} title={diagramTitle} />
      )}
      {walk && <FlowWalk flow={walk.flow} headingLevel={3} context={title} />}
      {walk && walk.more > 0 && <p className="text-sm">{`…and ${walk.more} more Pods, each with the same rules applied.`}</p>}
      {grouped ? (
        <>
          <OnOpen summary={`Shares of new connections, node by node (${scenario.cluster.nodes.length} rows)`}>
            {() => <SharesView scenario={scenario} answer={answer} title="Shares of new connections through the load balancer" />}
          </OnOpen>
          <OnOpen summary="Health-check node port answers, node by node">{() => <HealthChecksView answer={answer} title="Health-check node port answers" />}</OnOpen>
        </>
      ) : (
        <>
          <SharesView scenario={scenario} answer={answer} title="Shares of new connections through the load balancer" />
          <HealthChecksView answer={answer} title="Health-check node port answers" />
        </>
      )}
    </div>
  );
}
