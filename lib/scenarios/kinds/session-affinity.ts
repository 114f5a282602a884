/**
 * Session affinity (issue 13) — a Pod calls the ClusterIP of a Service with sessionAffinity: ClientIP (R-LB-5):
 *   firstShare  the probability that the client's first connection reaches a named Pod (the engine's
 *               probabilities are those of a first connection: uniform over the Cluster set, R-LB-1..3);
 *   next        where the next connection goes, `gap` seconds after the previous one: the same Pod while the
 *               affinity entry lives (kube-proxy's `recent` entry is refreshed by every connection and expires
 *               timeoutSeconds after the last one), else a fresh pick;
 *   afterGone   (standard on) the Pod the first connection reached is deleted: the probability that the next
 *               connection reaches another named Pod (a fresh pick over the endpoints that remain).
 *
 * The key comes from `keyOf(scenario, ask)`: the engine's answer for the scenario (firstShare), the engine's
 * normalised timeout (next) and the engine's answer with that Pod removed (afterGone).
 */
import { parseScenario, type Answer, type ScenarioInput } from '@/lib/engine';
import { runEngine } from '../engine-run';
import { buildLayout, PROXY_TEXT, type Layout } from '../layout';
import type { MisconceptionId } from '../misconceptions';
import type { Rng } from '../random';
import type { Alternative, Difficulty, FieldKey, ResponseField } from '../types';
import { stepsOf } from '@/lib/engine';
import { choiceField } from './choice-field';
import type { Draft } from './draft';
import { distinctShares, frac, fracString, shareDisplay } from './shares';
import { drawClientPod, podToClusterIP } from './pod-client';
import { counted } from './wording';

export interface SessionAffinityAsk {
  /** The Pod whose first-connection probability is asked. */
  pod: string;
  /** The Pod the client's first connection reached. */
  first: string;
  /** Seconds between the previous connection and the next one. */
  gap: number;
  /** The Pod asked about once `first` is deleted, or null. */
  afterGonePod: string | null;
}

function probabilityOf(answer: Answer, pod: string): string {
  const flow = answer.flows[0];
  if (!flow || answer.flows.length !== 1) throw new Error('session-affinity: the scenario must have exactly one flow');
  if (flow.verdict !== 'forwarded') throw new Error(`session-affinity: the flow is ${flow.verdict}`);
  return flow.backends.find((b) => b.pod === pod)?.probability ?? '0';
}

/** The scenario without Pod `name` (deleted: its endpoint is gone). */
export function withoutPod(scenario: ScenarioInput, name: string): ScenarioInput {
  return { ...scenario, cluster: { ...scenario.cluster, pods: (scenario.cluster.pods ?? []).filter((p) => p.name !== name) } };
}

/** The affinity timeout the engine reads from the Service (default 10800 s, R-LB-5). */
export function timeoutOf(scenario: ScenarioInput): number {
  const parsed = parseScenario(scenario);
  if (!parsed.ok) throw new Error('session-affinity: unreadable scenario');
  if (parsed.scenario.service.sessionAffinity !== 'ClientIP') throw new Error('session-affinity: the Service has no ClientIP affinity');
  return parsed.scenario.service.sessionAffinityTimeoutSeconds;
}

/**
 * The key: `firstShare` (exact), `next` (`same` | `fresh`) and, when asked, `afterGone` (exact). `answer` is the
 * engine's answer for `scenario`; the generator passes the one it has.
 */
export function keyOf(scenario: ScenarioInput, ask: SessionAffinityAsk, answer: Answer = runEngine(scenario)): Record<string, string> {
  const key: Record<string, string> = {
    firstShare: probabilityOf(answer, ask.pod),
    next: ask.gap < timeoutOf(scenario) ? 'same' : 'fresh',
  };
  if (probabilityOf(answer, ask.first) === '0') throw new Error(`session-affinity: ${ask.first} cannot be reached`);
  if (ask.afterGonePod) key.afterGone = probabilityOf(runEngine(withoutPod(scenario, ask.first)), ask.afterGonePod);
  return key;
}

const TIMEOUTS = [60, 300, 600, 3600, 10800] as const;

function alt(value: string, expected: string, m: MisconceptionId): Alternative | null {
  return distinctShares(value, expected) ? { value, misconception: m } : null;
}

function podsText(layout: Layout): string {
  return `Its Pods: ${layout.pods.map((p) => `${p.name} on ${p.node} (${p.ready ? 'ready' : 'not ready'})`).join('; ')}.`;
}

/** The generator and the ask it built the key from (the consistency test replays both). */
export function buildSessionAffinity(rng: Rng, difficulty: Difficulty): { draft: Draft; ask: SessionAffinityAsk } | null {
  const layout = buildLayout(rng, difficulty, { policy: 'Cluster', conditions: difficulty !== 'intro', pods: [3, difficulty === 'intro' ? 4 : 7] });
  for (const p of layout.pods) if (p.terminating) Object.assign(p, { terminating: false, ready: false, serving: false });
  layout.proxyMode = difficulty === 'expert' ? rng.pick(['iptables', 'nftables', 'ipvs'] as const) : 'iptables';
  const ready = layout.pods.filter((p) => p.ready);
  if (ready.length < 2) return null;
  const timeout = rng.pick(TIMEOUTS);
  const node = rng.pick(layout.nodes);
  const client = drawClientPod(rng, layout, node, ['frontend', 'toolbox', 'api-gateway', 'reports']);
  const scenario = podToClusterIP(layout, client, {
    sessionAffinity: 'ClientIP',
    ...(timeout === 10800 && rng.chance(0.5) ? {} : { sessionAffinityConfig: { clientIP: { timeoutSeconds: timeout } } }),
  });
  const answer = runEngine(scenario);
  if (answer.flows[0]?.verdict !== 'forwarded') return null;
  const pod = rng.chance(0.85) ? rng.pick(ready).name : rng.pick(layout.pods).name;
  const first = rng.pick(ready);
  const gapBefore = rng.chance(0.5);
  const gap = gapBefore ? rng.int(1, Math.max(1, Math.floor(timeout * 0.8))) : timeout + rng.int(1, Math.max(1, timeout));
  const others = ready.filter((p) => p.name !== first.name);
  const afterGonePod = difficulty === 'intro' ? null : rng.chance(0.85) ? rng.pick(others).name : rng.pick(layout.pods.filter((p) => p.name !== first.name)).name;
  const ask: SessionAffinityAsk = { pod, first: first.name, gap, afterGonePod };
  const expected = keyOf(scenario, ask, answer);
  const timeoutSeen = timeoutOf(scenario);

  const firstShare = expected.firstShare!;
  const firstAlts = [
    alt('1', firstShare, 'affinity-pins-first-pod'),
    layout.pods.some((p) => !p.ready) ? alt(fracString(frac(1).div(layout.pods.length)), firstShare, 'not-ready-counted') : null,
  ].filter((a): a is Alternative => a !== null);
  const nextField = choiceField(
    rng,
    'next',
    `Which Pod serves the next connection, ${gap} s after the previous one?`,
    [
      { value: 'same', label: `${first.name} again`, correct: expected.next === 'same', misconception: expected.next === 'same' ? null : 'affinity-never-expires' },
      {
        value: 'fresh',
        label: `A fresh pick: each of the ${counted(ready.length, 'ready Pod', 'ready Pods')} with probability 1/${ready.length}`,
        correct: expected.next === 'fresh',
        misconception: expected.next === 'fresh' ? null : 'affinity-per-connection',
      },
    ],
    { shuffle: false },
  );
  const fields: ResponseField[] = [
    { type: 'share', name: 'firstShare', label: `Probability that the first connection reaches ${pod}` },
    nextField.field,
  ];
  const keys: FieldKey[] = [
    { field: 'firstShare', expected: firstShare, display: shareDisplay(firstShare), alternatives: firstAlts },
    nextField.key,
  ];
  if (afterGonePod) {
    const v = expected.afterGone!;
    const goneAlts = [
      alt('0', v, 'affinity-pins-deleted-pod'),
      alt(fracString(frac(1).div(ready.length)), v, 'affinity-pins-deleted-pod'),
    ].filter((a): a is Alternative => a !== null);
    fields.push({ type: 'share', name: 'afterGone', label: `After ${first.name} is deleted: probability that the next connection reaches ${afterGonePod}` });
    keys.push({ field: 'afterGone', expected: v, display: shareDisplay(v), alternatives: goneAlts.slice(0, 1) });
  }
  const svc = `${layout.naming.namespace}/${layout.naming.serviceName}`;
  const timeoutText = scenario.service.spec.sessionAffinityConfig ? `timeoutSeconds: ${timeout}` : 'no sessionAffinityConfig (the default timeout)';
  const n = ready.length;
  const nextWhy =
    expected.next === 'same'
      ? `${gap} s is within the ${timeoutSeen} s timeout, counted from the previous connection, so the affinity entry for ${client.ip} still sends it to ${first.name} (R-LB-5).`
      : `${gap} s is longer than the ${timeoutSeen} s timeout, so the affinity entry for ${client.ip} has expired and the next connection is a fresh pick, like a first one (R-LB-5).`;
  const goneWhy = afterGonePod
    ? ` When ${first.name} is deleted its endpoint and its affinity entries go, so the next connection is a fresh pick over the ${counted(n - 1, 'remaining ready Pod', 'remaining ready Pods')}: ${afterGonePod} gets ${expected.afterGone}.`
    : '';
  return {
    ask,
    draft: {
      title: 'Session affinity: which Pod, and for how long?',
      prompt: `Service ${svc} is type ClusterIP (${layout.naming.clusterIP}:80) with sessionAffinity: ClientIP and ${timeoutText}. ${PROXY_TEXT[layout.proxyMode]} ${podsText(layout)} Pod ${client.name} (${client.ip}, on ${node.name}) opens connections to the ClusterIP; its first one reaches ${first.name}. What was the probability, before it was made, that the first connection would reach ${pod}? Which Pod serves the next connection, ${gap} s after the previous one?${afterGonePod ? ` And if ${first.name} is deleted instead, what is the probability that the next connection reaches ${afterGonePod}?` : ''} Answer probabilities as a fraction (1/3), a percentage (33.3%) or a decimal (0.3333).`,
      scenario,
      response: { fields },
      key: {
        fields: keys,
        steps: [
          ...stepsOf(answer.flows),
          `R-LB-5: ${pod} (on ${layout.pods.find((p) => p.name === pod)?.node}) has probability ${firstShare} for a first connection.`,
          `R-LB-5: ${nextWhy}`,
          ...(afterGonePod ? [`R-LB-5:${goneWhy}`] : []),
        ],
        explanation: `A first connection is a uniform pick over the ${counted(n, 'ready endpoint', 'ready endpoints')}, so ${pod} gets ${firstShare}. ${nextWhy}${goneWhy}`,
        fixIt: null,
      },
    },
  };
}

export function generateSessionAffinity(rng: Rng, difficulty: Difficulty): Draft | null {
  return buildSessionAffinity(rng, difficulty)?.draft ?? null;
}
