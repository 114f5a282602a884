/**
 * The versioned JSON format of the learner's review data: what "Export" downloads, what "Import" reads,
 * and what is kept in localStorage.
 *
 *   { "format": "service-traffic-trainer/review", "version": <n>, "exportedAt": ISO, "data": {…} }
 *
 * Contract: a document written by ANY earlier version must still load. When the shape of `data` changes,
 * bump EXPORT_VERSION, add a step to EXPORT_MIGRATIONS that turns version n-1 into n, and keep the frozen
 * older fixtures in tests/lib/review/fixtures loading. Only the current shape is validated (zod, every
 * failing field reported with its path); older documents are migrated first, step by step.
 */
import { ROOT_PATH, zodIssues, type Issue } from '@/lib/validation/issues';
import { z } from '@/lib/validation/zod';
import { REVIEW_RATINGS, RETENTION_RANGE, SCHEDULE_STATES } from './schedule';
import { DAY_KEY_PATTERN } from './day';
import { HISTORY_LIMIT, REVIEW_TARGET_TYPES, type ReviewData } from './review-data';

export const EXPORT_FORMAT = 'service-traffic-trainer/review';
export const EXPORT_VERSION = 1;

/** One step: a document of version `from` (already checked to be an object) → version `from + 1`. */
export interface ExportMigration {
  from: number;
  describe: string;
  up(doc: Record<string, unknown>): Record<string, unknown>;
}

/** Steps from each older version to the next. Empty while only version 1 exists. */
export const EXPORT_MIGRATIONS: readonly ExportMigration[] = [];

const isoDate = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time such as 2026-01-31T09:00:00.000Z' });

const scheduleSchema = z.strictObject({
  due: isoDate,
  stability: z.number().min(0),
  difficulty: z.number().min(0),
  elapsedDays: z.number().min(0),
  scheduledDays: z.number().min(0),
  learningSteps: z.number().int().min(0),
  reps: z.number().int().min(0),
  lapses: z.number().int().min(0),
  state: z.enum(SCHEDULE_STATES),
  lastReview: isoDate.nullable(),
});

const itemSchema = z.strictObject({ schedule: scheduleSchema, lastSeed: z.string().nullable() });

const historySchema = z.strictObject({
  at: isoDate,
  day: z.string().regex(DAY_KEY_PATTERN, { error: 'must be a day such as 2026-01-31' }),
  type: z.enum(REVIEW_TARGET_TYPES),
  id: z.string().min(1),
  rating: z.enum(REVIEW_RATINGS),
  score: z.number().min(0).max(1).nullable(),
  seed: z.string().nullable(),
  kind: z.string().nullable(),
});

export const reviewDataSchema = z.strictObject({
  settings: z.strictObject({
    desiredRetention: z.number().min(RETENTION_RANGE.min).max(RETENTION_RANGE.max),
  }),
  concepts: z.record(z.string().min(1), itemSchema),
  cards: z.record(z.string().min(1), itemSchema),
  history: z.array(historySchema).max(HISTORY_LIMIT),
});

const documentSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: isoDate,
  data: reviewDataSchema,
});

/** An Issue (lib/validation/issues.ts): `data.history[3].at`; ROOT_PATH for the file as a whole. */
export type ExportIssue = Issue;

export type ImportResult =
  | { ok: true; data: ReviewData; version: number; migrated: string[] }
  | { ok: false; issues: ExportIssue[] };

export function serializeReviewData(data: ReviewData, now: Date): string {
  const doc = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), data };
  return JSON.stringify(doc, null, 2);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads an export (text) of any known version. `migrations` and `version` are injectable so that tests can
 * prove an old document walks through future steps; the app uses the defaults.
 */
export function parseReviewExport(
  text: string,
  options: { migrations?: readonly ExportMigration[]; version?: number; schema?: z.ZodType<{ data: ReviewData }> } = {},
): ImportResult {
  const migrations = options.migrations ?? EXPORT_MIGRATIONS;
  const current = options.version ?? EXPORT_VERSION;
  const schema = options.schema ?? documentSchema;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, issues: [{ path: ROOT_PATH, message: `not valid JSON: ${(e as Error).message}` }] };
  }
  if (!isRecord(raw)) return { ok: false, issues: [{ path: ROOT_PATH, message: 'must be a JSON object' }] };
  if (raw.format !== EXPORT_FORMAT) {
    return {
      ok: false,
      issues: [{ path: 'format', message: `must be "${EXPORT_FORMAT}" (this is not a review export from this app)` }],
    };
  }
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, issues: [{ path: 'version', message: 'must be a whole number from 1' }] };
  }
  if (version > current) {
    return {
      ok: false,
      issues: [{ path: 'version', message: `version ${version} was written by a newer app; this one reads up to ${current}` }],
    };
  }
  let doc: Record<string, unknown> = raw;
  const migrated: string[] = [];
  for (let v = version; v < current; v += 1) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return { ok: false, issues: [{ path: 'version', message: `no migration from version ${v} to ${v + 1}` }] };
    doc = { ...step.up(doc), version: v + 1 };
    migrated.push(step.describe);
  }
  const parsed = schema.safeParse(doc);
  if (!parsed.success) {
    return { ok: false, issues: zodIssues(parsed.error) };
  }
  return { ok: true, data: parsed.data.data, version, migrated };
}
