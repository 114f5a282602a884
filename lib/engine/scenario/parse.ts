/**
 * A JS value → the engine's `Scenario`: the zod schema (every failing field reported), then the cross-field
 * checks and normalisation of normalize.ts. Pure: no I/O.
 */
import type { Scenario } from '../model';
import { zodRawIssues } from '@/lib/validation/issues';
import { formatPath, type RawIssue, type ScenarioResult } from './issues';
import { normalizeScenario } from './normalize';
import { scenarioSchema } from './schema';

/** Like parseScenario, but issues keep their path as segments (the text reader turns them into lines). */
export function parseScenarioRaw(value: unknown): { ok: true; scenario: Scenario } | { ok: false; issues: RawIssue[] } {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, issues: [{ path: [], message: 'a scenario must be a mapping with cluster and service (see scenario-format.md)' }] };
  const schema = scenarioSchema();
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { ok: false, issues: zodRawIssues(parsed.error.issues, { explain: { input: value, schema } }) };
  const normalized = normalizeScenario(parsed.data);
  if ('issues' in normalized) return { ok: false, issues: normalized.issues };
  return { ok: true, scenario: normalized.scenario };
}

export function parseScenario(value: unknown): ScenarioResult<Scenario> {
  const r = parseScenarioRaw(value);
  if (r.ok) return r;
  return { ok: false, issues: r.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
}
