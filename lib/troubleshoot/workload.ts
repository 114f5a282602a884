/**
 * The Workload is read once, at the boundary, with zod: strict objects (a misspelt field is refused), ports
 * 1–65535, and every Pod it names must be a Pod of the scenario. All problems are reported together, each with its
 * path (`workload.pods.web-9`, `workload.pods.web-1.listen.port`).
 */
import type { Scenario } from '@/lib/engine';
import { formatIssue, formatPath, zodIssues, type Issue } from '@/lib/validation/issues';
import { z } from '@/lib/validation/zod';
import type { Workload } from './types';

const port = z.number().int().min(1).max(65535);

const eventSchema = z.strictObject({
  type: z.enum(['Normal', 'Warning']),
  reason: z.string().min(1),
  age: z.string().min(1).optional(),
  from: z.string().min(1),
  message: z.string(),
});

const podRuntimeSchema = z.strictObject({
  listen: z.strictObject({ address: z.enum(['0.0.0.0', '127.0.0.1']), port }).optional(),
  containerPort: port.optional(),
  container: z.string().min(1).optional(),
  restarts: z.number().int().min(0).optional(),
  readinessProbe: z.string().min(1).nullable().optional(),
  image: z.string().min(1).optional(),
  age: z.string().min(1).optional(),
  lastRestart: z.string().min(1).optional(),
  terminatingFor: z.string().min(1).optional(),
  events: z.array(eventSchema).optional(),
});

const workloadSchema = z.strictObject({
  pods: z.record(z.string(), podRuntimeSchema).optional(),
  age: z.string().min(1).optional(),
});

const checked = new WeakMap<object, WeakSet<object>>();
/** Workload objects whose shape the schema accepted (the shape does not depend on the scenario). */
const wellFormed = new WeakSet<object>();

/**
 * Throws one Error listing every problem of `workload` for `scenario`; a workload checked once is not checked again
 * (its shape once for every scenario, the Pods it names once per scenario).
 */
export function checkWorkload(scenario: Scenario, workload: Workload | undefined): void {
  if (workload === undefined) return;
  const seen = checked.get(scenario);
  if (seen?.has(workload)) return;
  const parsed = wellFormed.has(workload) ? null : workloadSchema.safeParse(workload);
  const issues: Issue[] =
    parsed === null || parsed.success
      ? []
      : zodIssues(parsed.error, {
          prefix: ['workload'],
          explain: { input: workload, schema: workloadSchema },
        });
  if (parsed === null || parsed.success) {
    wellFormed.add(workload);
    const names = new Set(scenario.cluster.pods.map((p) => p.pod));
    for (const name of Object.keys(workload.pods ?? {})) {
      if (!names.has(name)) {
        issues.push({
          path: formatPath(['workload', 'pods', name]),
          message: `no Pod of that name in the scenario (its Pods: ${[...names].join(', ') || 'none'})`,
        });
      }
    }
  }
  if (issues.length > 0) {
    throw new Error(
      `lib/troubleshoot: the workload is not valid: ${issues.map((i) => formatIssue(i, 'workload')).join('; ')}`,
    );
  }
  if (seen) seen.add(workload);
  else checked.set(scenario, new WeakSet([workload]));
}
