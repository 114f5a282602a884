/**
 * The Workload is read once, at the boundary, with zod: strict objects (a misspelt field is refused), ports
 * 1–65535, and every Pod it names must be a Pod of the scenario. All problems are reported together, each with its
 * path (`workload.pods.web-9`, `workload.pods.web-1.listen.port`).
 */
import type { Scenario } from '@/lib/engine';
import { formatIssue, formatPath, zodIssues, type Issue } from '@/lib/validation/issues';
// zod/mini: a practice session checks workloads in the browser, and full zod with its locales cost that session's
// chunk 68 KB gzip (issue 18). Same checks, issues and messages.
import * as z from '@/lib/validation/zod-mini';
import type { Workload } from './types';

const port = z.number().check(z.int(), z.gte(1), z.lte(65535));
const nonEmpty = () => z.string().check(z.minLength(1));

const eventSchema = z.strictObject({
  type: z.enum(['Normal', 'Warning']),
  reason: nonEmpty(),
  age: z.optional(nonEmpty()),
  from: nonEmpty(),
  message: z.string(),
});

const podRuntimeSchema = z.strictObject({
  listen: z.optional(z.strictObject({ address: z.enum(['0.0.0.0', '127.0.0.1']), port })),
  containerPort: z.optional(port),
  container: z.optional(nonEmpty()),
  restarts: z.optional(z.number().check(z.int(), z.gte(0))),
  readinessProbe: z.optional(z.nullable(nonEmpty())),
  image: z.optional(nonEmpty()),
  age: z.optional(nonEmpty()),
  lastRestart: z.optional(nonEmpty()),
  terminatingFor: z.optional(nonEmpty()),
  events: z.optional(z.array(eventSchema)),
});

const workloadSchema = z.strictObject({
  pods: z.optional(z.record(z.string(), podRuntimeSchema)),
  age: z.optional(nonEmpty()),
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
      : zodIssues(parsed.error.issues, {
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
