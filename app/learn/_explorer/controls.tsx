'use client';
/** The explorer's controls: native form controls only, grouped in fieldsets, so the keyboard drives everything. */
import { useState, type ReactNode } from 'react';
import { NodeOptions } from './node-options';
// The vocabulary alone, not the engine's door: the explorer's first load has no schema (issue 18).
import { BALANCING, PROXY_MODES } from '@/lib/engine/scenario/vocabulary';
import {
  DEFAULT_AFFINITY_TIMEOUT,
  EXPLORER_LIMITS,
  LB_IP,
  MAX_AFFINITY_TIMEOUT,
  NODE_PORT,
  TRAFFIC_DISTRIBUTIONS,
  ZONES,
  canAddPod,
  destinationOf,
  internalPolicyOf,
  nodeName,
  podName,
  validAffinityTimeout,
  type Destination,
  type ExplorerAction,
  type ExplorerPodState,
  type ExplorerState,
  type TrafficDistribution,
  type TrafficSource,
  type Zone,
} from '@/lib/explorer';

const BALANCING_LABEL: Record<(typeof BALANCING)[number], string> = {
  'healthy-nodes': 'Equally over nodes passing its check',
  weighted: 'By the endpoint-weight header',
  'all-nodes': 'Over all nodes (checks not yet seen)',
};
const PROXY_LABEL: Record<(typeof PROXY_MODES)[number], string> = {
  iptables: 'kube-proxy, iptables',
  nftables: 'kube-proxy, nftables',
  ipvs: 'kube-proxy, IPVS',
  'cilium-snat': 'Cilium (no kube-proxy), SNAT',
  'cilium-dsr': 'Cilium (no kube-proxy), DSR',
};
const POD_STATES: { value: ExplorerPodState; label: string }[] = [
  { value: 'ready', label: 'Ready' },
  { value: 'not-ready', label: 'Not ready' },
  { value: 'terminating', label: 'Terminating (still serving)' },
];
const SOURCE_KINDS: { value: TrafficSource['kind']; label: string }[] = [
  { value: 'external', label: 'A client outside, via the load balancer' },
  { value: 'pod', label: 'A client Pod inside the cluster' },
  { value: 'node', label: 'A process on a node (host network)' },
];

const DESTINATIONS: { value: Destination; label: string }[] = [
  { value: 'clusterIP', label: 'The ClusterIP (10.96.0.10:80)' },
  { value: 'loadBalancer', label: `The load balancer’s IP (${LB_IP}), dialled inside` },
  { value: 'nodePort', label: `A NodePort on the sender’s node (:${NODE_PORT})` },
];
const DISTRIBUTION_LABEL: Record<TrafficDistribution, string> = {
  PreferClose: 'PreferClose (same zone)',
  PreferSameZone: 'PreferSameZone',
  PreferSameNode: 'PreferSameNode (same node, then zone)',
};

const fieldset = 'rounded-lg border border-border p-3';
const legend = 'px-1 text-sm font-semibold';
const select = 'mt-1 w-full min-w-0 rounded border border-border bg-bg px-2 py-1 text-sm text-fg';
const button =
  'rounded border border-border bg-surface px-2 py-1 text-sm hover:border-accent disabled:opacity-60';

export function Controls({
  state,
  dispatch,
  idBase,
}: {
  state: ExplorerState;
  dispatch: (a: ExplorerAction) => void;
  idBase: string;
}) {
  const id = (s: string) => `${idBase}-${s}`;
  return (
    <div className="flex flex-col gap-3">
      <fieldset className={fieldset}>
        <legend className={legend}>Service externalTrafficPolicy</legend>
        <div className="flex gap-4">
          {(['Cluster', 'Local'] as const).map((p) => (
            <label key={p} className="flex items-center gap-1">
              <input
                type="radio"
                name={id('policy')}
                value={p}
                checked={state.policy === p}
                onChange={() => dispatch({ type: 'policy', policy: p })}
              />
              {p}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className={fieldset}>
        <legend className={legend}>Data path and load balancer</legend>
        <LabelledSelect
          first
          id={id('proxy')}
          label="Proxy mode"
          value={state.proxyMode}
          onChange={(v) => dispatch({ type: 'proxyMode', proxyMode: v as ExplorerState['proxyMode'] })}
        >
          {PROXY_MODES.map((m) => (
            <option key={m} value={m}>
              {PROXY_LABEL[m]}
            </option>
          ))}
        </LabelledSelect>
        <LabelledSelect
          id={id('balancing')}
          label="Balancer spreads new connections"
          value={state.balancing}
          onChange={(v) => dispatch({ type: 'balancing', balancing: v as ExplorerState['balancing'] })}
        >
          {BALANCING.map((b) => (
            <option key={b} value={b}>
              {BALANCING_LABEL[b]}
            </option>
          ))}
        </LabelledSelect>
        <LabelledSelect
          id={id('targets')}
          label="Balancer targets"
          value={state.targets}
          onChange={(v) => dispatch({ type: 'targets', targets: v as ExplorerState['targets'] })}
        >
          <option value="nodes">Nodes, on the NodePort</option>
          <option value="pods">Pod IPs, straight to Pods</option>
        </LabelledSelect>
        <label className="mt-2 flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name={id('preserves-client-ip')}
            checked={state.preservesClientIP}
            onChange={(e) => dispatch({ type: 'preservesClientIP', value: e.target.checked })}
          />
          Balancer passes the client IP through (not a proxy)
        </label>
      </fieldset>

      <fieldset className={fieldset}>
        <legend className={legend}>Nodes</legend>
        <ul className="flex flex-col gap-2">
          {state.nodes.map((n, i) => (
            <li key={i} className="flex flex-wrap items-center gap-2">
              <span className="w-14 font-mono text-sm">{nodeName(i)}</span>
              <button
                type="button"
                className={button}
                disabled={!canAddPod(state, i)}
                onClick={() => dispatch({ type: 'addPod', node: i })}
              >
                {`Add a Pod to ${nodeName(i)}`}
              </button>
              <label className="flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  name={id(`drain-${i}`)}
                  checked={n.drained}
                  aria-describedby={id('deleting-hint')}
                  onChange={(e) => dispatch({ type: 'drain', node: i, drained: e.target.checked })}
                />
                {`Autoscaler is deleting ${nodeName(i)}`}
              </label>
            </li>
          ))}
        </ul>
        <p id={id('deleting-hint')} className="mt-2 text-xs text-muted">
          Deleting: the node gets the ToBeDeletedByClusterAutoscaler taint; its Pods stay on it, terminating
          but still serving.
        </p>
        <div className="mt-2 flex flex-wrap gap-2">
          <button
            type="button"
            className={button}
            disabled={state.nodes.length >= EXPLORER_LIMITS.maxNodes}
            onClick={() => dispatch({ type: 'addNode' })}
          >
            Add a node
          </button>
          <button
            type="button"
            className={button}
            disabled={state.nodes.length <= EXPLORER_LIMITS.minNodes}
            onClick={() => dispatch({ type: 'removeNode' })}
          >
            {`Remove ${nodeName(state.nodes.length - 1)}`}
          </button>
        </div>
      </fieldset>

      <fieldset className={fieldset}>
        <legend className={legend}>{`Pods (${state.pods.length})`}</legend>
        {state.pods.length === 0 && <p className="text-sm">No Pods: add one to a node.</p>}
        <ul className="flex flex-col gap-2">
          {state.pods.map((p, i) => (
            <li key={i} className="flex flex-wrap items-end gap-2">
              <span className="w-14 font-mono text-sm">{podName(state, i)}</span>
              <label className="text-sm">
                <span className="sr-only">{`Node of ${podName(state, i)}`}</span>
                <select
                  name={id(`pod-${i}-node`)}
                  className="rounded border border-border bg-bg px-1 py-1 text-sm text-fg"
                  value={p.node}
                  onChange={(e) => dispatch({ type: 'movePod', pod: i, node: Number(e.target.value) })}
                >
                  <NodeOptions count={state.nodes.length} />
                </select>
              </label>
              <label className="text-sm">
                <span className="sr-only">{`State of ${podName(state, i)}`}</span>
                <select
                  name={id(`pod-${i}-state`)}
                  className="rounded border border-border bg-bg px-1 py-1 text-sm text-fg"
                  value={p.state}
                  onChange={(e) =>
                    dispatch({ type: 'podState', pod: i, state: e.target.value as ExplorerPodState })
                  }
                >
                  {POD_STATES.map((s) => (
                    <option key={s.value} value={s.value}>
                      {s.label}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className={button}
                onClick={() => dispatch({ type: 'removePod', pod: i })}
              >
                {`Remove ${podName(state, i)}`}
              </button>
            </li>
          ))}
        </ul>
      </fieldset>

      <fieldset className={fieldset}>
        <legend className={legend}>Send traffic</legend>
        <LabelledSelect
          first
          id={id('source')}
          label="From"
          value={state.source.kind}
          onChange={(v) =>
            dispatch({ type: 'source', source: { ...state.source, kind: v as TrafficSource['kind'] } })
          }
        >
          {SOURCE_KINDS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </LabelledSelect>
        <LabelledSelect
          id={id('source-node')}
          label={state.source.kind === 'external' ? 'Entering at node' : 'Sender’s node'}
          value={state.source.node}
          onChange={(v) => dispatch({ type: 'source', source: { ...state.source, node: Number(v) } })}
        >
          <NodeOptions count={state.nodes.length} />
        </LabelledSelect>
        {state.source.kind !== 'external' && (
          <LabelledSelect
            id={id('destination')}
            label="Destination"
            value={destinationOf(state)}
            onChange={(v) => dispatch({ type: 'destination', destination: v as Destination })}
          >
            {DESTINATIONS.map((d) => (
              <option key={d.value} value={d.value}>
                {d.label}
              </option>
            ))}
          </LabelledSelect>
        )}
      </fieldset>

      <fieldset className={fieldset}>
        <legend className={legend}>Inside the cluster</legend>
        <LabelledSelect
          first
          id={id('itp')}
          label="internalTrafficPolicy (ClusterIP traffic)"
          value={internalPolicyOf(state)}
          onChange={(v) => dispatch({ type: 'internalPolicy', policy: v as ExplorerState['policy'] })}
        >
          <option value="Cluster">Cluster: endpoints on any node</option>
          <option value="Local">Local: only the sender’s node</option>
        </LabelledSelect>
        <LabelledSelect
          id={id('affinity')}
          label="sessionAffinity"
          value={state.affinity ? 'ClientIP' : 'None'}
          onChange={(v) =>
            dispatch({ type: 'sessionAffinity', affinity: v === 'ClientIP' ? 'ClientIP' : 'None' })
          }
        >
          <option value="None">None: every connection picks anew</option>
          <option value="ClientIP">ClientIP: a client sticks to one Pod</option>
        </LabelledSelect>
        {state.affinity && (
          <AffinityTimeout
            id={id('affinity-timeout')}
            seconds={state.affinity.timeoutSeconds}
            dispatch={dispatch}
          />
        )}
      </fieldset>

      <fieldset className={fieldset}>
        <legend className={legend}>Zones and trafficDistribution</legend>
        <LabelledSelect
          first
          id={id('distribution')}
          label="trafficDistribution"
          value={state.trafficDistribution ?? ''}
          describedBy={id('distribution-hint')}
          onChange={(v) =>
            dispatch({ type: 'trafficDistribution', value: (v || null) as TrafficDistribution | null })
          }
        >
          <option value="">Not set (no topology hints)</option>
          {TRAFFIC_DISTRIBUTIONS.map((d) => (
            <option key={d} value={d}>
              {DISTRIBUTION_LABEL[d]}
            </option>
          ))}
        </LabelledSelect>
        <p id={id('distribution-hint')} className="mt-1 text-xs text-muted">
          Hints steer the Cluster set only (ClusterIP, and outside traffic under Cluster); a node with no
          hinted endpoint uses them all.
        </p>
        <ul className="mt-2 flex flex-col gap-2">
          {state.nodes.map((n, i) => (
            <li key={i} className="flex flex-wrap items-center gap-2 text-sm">
              <label htmlFor={id(`zone-${i}`)}>{`Zone of ${nodeName(i)}`}</label>
              <select
                id={id(`zone-${i}`)}
                className="rounded border border-border bg-bg px-1 py-1 text-sm text-fg"
                value={n.zone ?? ''}
                onChange={(e) =>
                  dispatch({ type: 'zone', node: i, zone: (e.target.value || null) as Zone | null })
                }
              >
                <option value="">no zone label</option>
                {ZONES.map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </select>
            </li>
          ))}
        </ul>
      </fieldset>
    </div>
  );
}

/**
 * A visible label above a full-width select, tied by id (the explorer's form rows). `first` drops the top margin
 * of the first row of a fieldset.
 */
function LabelledSelect({
  id,
  label,
  value,
  onChange,
  first = false,
  describedBy,
  children,
}: {
  id: string;
  label: ReactNode;
  value: string | number;
  onChange: (value: string) => void;
  first?: boolean;
  describedBy?: string;
  children: ReactNode;
}) {
  return (
    <>
      <label htmlFor={id} className={first ? 'block text-sm' : 'mt-2 block text-sm'}>
        {label}
      </label>
      <select
        id={id}
        className={select}
        value={value}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      >
        {children}
      </select>
    </>
  );
}

/** The ClientIP timeout: typed freely, applied when it is whole seconds the API server accepts. */
function AffinityTimeout({
  id,
  seconds,
  dispatch,
}: {
  id: string;
  seconds: number;
  dispatch: (a: ExplorerAction) => void;
}) {
  const [text, setText] = useState(String(seconds));
  const valid = validAffinityTimeout(Number(text)) && text.trim() !== '';
  return (
    <>
      <label htmlFor={id} className="mt-2 block text-sm">
        Affinity timeout (seconds)
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_AFFINITY_TIMEOUT}
        step={1}
        className={select}
        value={text}
        aria-invalid={!valid}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value);
          if (e.target.value.trim() !== '' && validAffinityTimeout(n))
            dispatch({ type: 'affinityTimeout', seconds: n });
        }}
      />
      <p id={`${id}-hint`} className={`mt-1 text-xs ${valid ? 'text-muted' : 'text-bad'}`}>
        {valid
          ? `Whole seconds, 1 to ${MAX_AFFINITY_TIMEOUT} (default ${DEFAULT_AFFINITY_TIMEOUT}).`
          : `Not applied: the timeout must be whole seconds from 1 to ${MAX_AFFINITY_TIMEOUT}.`}
      </p>
    </>
  );
}
