/**
 * The oracles of the q1 kinds, with the generators that expose their ask: for agreement checks in Jest
 * (tests/lib/scenarios/oracle/oracle.test.ts) and in `npm run bench` (tests/bench/practice.bench.ts).
 */
import { Rng } from '@/lib/scenarios/random';
import type { Difficulty } from '@/lib/scenarios';
import type { Draft } from '@/lib/scenarios/kinds/draft';
import * as clientOutcome from '@/lib/scenarios/kinds/client-outcome';
import * as dns from '@/lib/scenarios/kinds/dns';
import * as healthCheck from '@/lib/scenarios/kinds/health-check';
import * as inCluster from '@/lib/scenarios/kinds/in-cluster';
import * as lbTargets from '@/lib/scenarios/kinds/lb-targets';
import * as loadShare from '@/lib/scenarios/kinds/load-share';
import * as readRules from '@/lib/scenarios/kinds/read-rules';
import * as sessionAffinity from '@/lib/scenarios/kinds/session-affinity';
import * as sourceIp from '@/lib/scenarios/kinds/source-ip';
import * as topology from '@/lib/scenarios/kinds/topology';
import * as troubleshooting from '@/lib/scenarios/kinds/troubleshooting';
import type { ScenarioInput } from '@/lib/engine';
import { oracleKey as clientOutcomeOracle } from './client-outcome';
import { oracleKey as dnsOracle } from './dns';
import { oracleKey as healthCheckOracle } from './health-check';
import { oracleKey as inClusterOracle } from './in-cluster';
import { oracleKey as lbTargetsOracle } from './lb-targets';
import { oracleKey as loadShareOracle } from './load-share';
import { oracleKey as readRulesOracle } from './read-rules';
import { oracleKey as sessionAffinityOracle } from './session-affinity';
import { oracleKey as sourceIpOracle } from './source-ip';
import { oracleKey as topologyOracle } from './topology';
import { oracleKey as troubleshootingOracle } from './troubleshooting';

export interface KeyedKind {
  kind: string;
  build: (rng: Rng, d: Difficulty) => { draft: Draft; ask: unknown } | null;
  keyOf: (s: ScenarioInput, ask: never) => Record<string, string>;
  oracle: (s: ScenarioInput, ask: never) => Record<string, string>;
}

export const KEYED_KINDS: KeyedKind[] = [
  { kind: 'source-ip', build: sourceIp.buildSourceIp, keyOf: sourceIp.keyOf, oracle: sourceIpOracle },
  {
    kind: 'health-check',
    build: healthCheck.buildHealthCheck,
    keyOf: healthCheck.keyOf,
    oracle: healthCheckOracle,
  },
  { kind: 'load-share', build: loadShare.buildLoadShare, keyOf: loadShare.keyOf, oracle: loadShareOracle },
  { kind: 'lb-targets', build: lbTargets.buildLbTargets, keyOf: lbTargets.keyOf, oracle: lbTargetsOracle },
  {
    kind: 'client-outcome',
    build: clientOutcome.buildClientOutcome,
    keyOf: clientOutcome.keyOf,
    oracle: clientOutcomeOracle,
  },
  { kind: 'in-cluster', build: inCluster.buildInCluster, keyOf: inCluster.keyOf, oracle: inClusterOracle },
  {
    kind: 'session-affinity',
    build: sessionAffinity.buildSessionAffinity,
    keyOf: sessionAffinity.keyOf,
    oracle: sessionAffinityOracle,
  },
  { kind: 'topology', build: topology.buildTopology, keyOf: topology.keyOf, oracle: topologyOracle },
  { kind: 'dns', build: dns.buildDns, keyOf: dns.keyOf, oracle: dnsOracle },
  { kind: 'read-rules', build: readRules.buildReadRules, keyOf: readRules.keyOf, oracle: readRulesOracle },
  {
    kind: 'troubleshooting',
    build: troubleshooting.buildTroubleshooting,
    keyOf: troubleshooting.keyOf,
    oracle: troubleshootingOracle,
  },
];

/** The first draft a seed gives (redrawing as generateQuestion does) and the ask it was built from. */
export function draw(k: KeyedKind, difficulty: Difficulty, seed: string): { draft: Draft; ask: unknown } {
  for (let attempt = 0; attempt < 60; attempt++) {
    const r = k.build(new Rng(`${k.kind}|${difficulty}|${seed}${attempt ? `#${attempt}` : ''}`), difficulty);
    if (r) return r;
  }
  throw new Error(`${k.kind}: no draft for ${seed}`);
}

/** Fields on which two keys differ, as readable lines (empty = agreement). */
export function keyDiff(a: Record<string, string>, b: Record<string, string>): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names]
    .filter((n) => a[n] !== b[n])
    .map((n) => `${n}: ${JSON.stringify(a[n])} vs ${JSON.stringify(b[n])}`);
}

/** Agreement of keyOf and the oracle over `seeds` seeds per difficulty; the disagreements found. */
export function agreement(
  k: KeyedKind,
  seeds: number,
  prefix = 'oracle',
): { agree: number; disagree: string[] } {
  let agree = 0;
  const disagree: string[] = [];
  const difficulties: Difficulty[] = ['intro', 'standard', 'expert'];
  for (let i = 0; i < seeds; i++) {
    const d = difficulties[i % 3]!;
    const { draft, ask } = draw(k, d, `${prefix}-${i}`);
    const diff = keyDiff(k.keyOf(draft.scenario, ask as never), k.oracle(draft.scenario, ask as never));
    if (diff.length === 0) agree++;
    else disagree.push(`${k.kind}:${d}:${prefix}-${i} ${diff.join('; ')}`);
  }
  return { agree, disagree };
}
