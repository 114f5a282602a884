/**
 * Oracle agreement over generated questions (issue 12 item 14): for each seed, the kind's keyOf and the oracle
 * (written from the rules, no engine) must give the same key — for the question's own ask and for neighbouring
 * asks on the same scenario (every node for cross-node, every single requirement for policy-choice, the usual
 * changes for fix-it). Used by tests/lib/scenarios/oracle/oracle.test.ts and tests/bench/practice.bench.ts.
 */
import type { ScenarioInput } from '@/lib/engine';
import { DIFFICULTIES, generateQuestion, type Change, type Question } from '@/lib/scenarios';
import { keyOf as apiKey } from '@/lib/scenarios/kinds/api-validation';
import { keyOf as crossKey } from '@/lib/scenarios/kinds/cross-node';
import { keyOf as fixKey } from '@/lib/scenarios/kinds/fix-it';
import { keyOf as policyKey } from '@/lib/scenarios/kinds/policy-choice';
import { PROPERTIES, PROPERTY_TEXT } from '@/lib/scenarios/properties';
import { apiValidationOracle } from './api-validation';
import { crossNodeOracle } from './cross-node';
import { fixItOracle } from './fix-it';
import { policyChoiceOracle } from './policy-choice';

export const ORACLE_KINDS = ['cross-node', 'policy-choice', 'api-validation', 'fix-it'] as const;
export type OracleKind = (typeof ORACLE_KINDS)[number];

export interface Agreement {
  kind: OracleKind;
  questions: number;
  agreements: number;
  disagreements: number;
  /** The first few, for the report. */
  examples: string[];
}

function same(a: Record<string, string>, b: Record<string, string>): boolean {
  return JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
}

function comparisons(kind: OracleKind, q: Question): { label: string; key: Record<string, string>; oracle: Record<string, string> }[] {
  const s: ScenarioInput = q.scenario;
  switch (kind) {
    case 'cross-node':
      return s.cluster.nodes.map((n) => ({ label: `node ${n.name}`, key: crossKey(s, { node: n.name }), oracle: crossNodeOracle(s, { node: n.name }) }));
    case 'policy-choice': {
      const asked = PROPERTIES.filter((p) => q.prompt.includes(PROPERTY_TEXT[p]));
      return [asked, ...PROPERTIES.map((p) => [p])].map((required) => ({
        label: required.join('+'),
        key: policyKey(s, { required }),
        oracle: policyChoiceOracle(s, { required }),
      }));
    }
    case 'api-validation':
      return [{ label: 'manifest', key: apiKey(s, {}), oracle: apiValidationOracle(s) }];
    case 'fix-it': {
      const fix = q.key.fixIt;
      if (!fix) throw new Error(`${q.id}: no fix-it key`);
      const pods = s.cluster.pods ?? [];
      const changes: Change[] = [
        fix.witness,
        fix.counterexample,
        { action: 'policy', policy: 'Cluster' },
        { action: 'policy', policy: 'Local' },
        { action: 'spread' },
        { action: 'replicas', replicas: Math.max(1, pods.length - 1) },
        { action: 'replicas', replicas: Math.min(12, pods.length + 1) },
      ];
      const first = pods[0];
      const last = s.cluster.nodes[s.cluster.nodes.length - 1];
      if (first?.name && last) changes.push({ action: 'move', pod: first.name, node: last.name });
      return changes.map((change) => ({
        label: JSON.stringify(change),
        key: fixKey(s, { goal: fix.goal, change }),
        oracle: fixItOracle(s, { goal: fix.goal, change }),
      }));
    }
  }
}

/** Compare keyOf with the oracle on `seeds` questions of `kind`, difficulties rotating. */
export function agreement(kind: OracleKind, seeds: number, prefix = 'oracle'): Agreement {
  const out: Agreement = { kind, questions: seeds, agreements: 0, disagreements: 0, examples: [] };
  for (let i = 0; i < seeds; i++) {
    const q = generateQuestion({ kind, difficulty: DIFFICULTIES[i % DIFFICULTIES.length] ?? 'intro', seed: `${prefix}-${i}` });
    for (const c of comparisons(kind, q)) {
      if (same(c.key, c.oracle)) out.agreements++;
      else {
        out.disagreements++;
        if (out.examples.length < 5) out.examples.push(`${q.id} ${c.label}: keyOf ${JSON.stringify(c.key)} vs oracle ${JSON.stringify(c.oracle)}`);
      }
    }
  }
  return out;
}
