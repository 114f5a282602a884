import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  emptyReviewData,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  parseReviewExport,
  recordReview,
  reviewDataSchema,
  serializeReviewData,
  type ExportMigration,
  type ReviewData,
} from '@/lib/review';

/** Frozen: written by version 1 of the format. Never edit it; add a new fixture when the format moves on. */
const V1_TEXT = readFileSync(path.join(__dirname, 'fixtures', 'review-export-v1.json'), 'utf8');
const NOW = new Date('2026-03-05T10:00:00Z');

function sample(): ReviewData {
  let d = emptyReviewData();
  d = recordReview(d, { type: 'concept', id: 'snat-under-cluster', rating: 'good', now: NOW, day: '2026-03-05', score: 1, seed: 'abc', kind: 'source-ip' });
  return recordReview(d, { type: 'card', id: 'health-check-node-port', rating: 'hard', now: NOW, day: '2026-03-05', score: 0.4 });
}

describe('review export format', () => {
  it('round-trips: what is exported imports to the same data', () => {
    const result = parseReviewExport(serializeReviewData(sample(), NOW));
    expect(result).toEqual({ ok: true, data: sample(), version: EXPORT_VERSION, migrated: [] });
  });

  it('the frozen version 1 export still loads into the current format', () => {
    const result = parseReviewExport(V1_TEXT);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.version).toBe(1);
    expect(result.data.settings.desiredRetention).toBe(0.85);
    expect(Object.keys(result.data.concepts).sort()).toEqual(['health-check-node-port', 'snat-under-cluster']);
    expect(result.data.cards['why-cluster-loses-client-ip']?.schedule.reps).toBe(1);
    expect(result.data.history.map((h) => h.rating)).toEqual(['good', 'again', 'hard', 'good']);
  });

  it('walks an old document through every migration step when the format moves on (v1 → v2 → v3)', () => {
    // A hypothetical future: v2 renames history → log, v3 adds settings.newPerDay. The app would then ship
    // these steps; the v1 fixture must still arrive as a valid current document.
    const migrations: ExportMigration[] = [
      {
        from: 1,
        describe: 'history renamed to log',
        up: (doc) => {
          const data = doc.data as Record<string, unknown>;
          const { history, ...rest } = data;
          return { ...doc, data: { ...rest, log: history } };
        },
      },
      {
        from: 2,
        describe: 'settings gain newPerDay',
        up: (doc) => {
          const data = doc.data as Record<string, unknown> & { settings: Record<string, unknown> };
          return { ...doc, data: { ...data, settings: { ...data.settings, newPerDay: 3 } } };
        },
      },
    ];
    const v3 = z
      .strictObject({
        format: z.literal(EXPORT_FORMAT),
        version: z.literal(3),
        exportedAt: z.string(),
        data: z.strictObject({
          settings: z.strictObject({ desiredRetention: z.number(), newPerDay: z.number() }),
          concepts: reviewDataSchema.shape.concepts,
          cards: reviewDataSchema.shape.cards,
          log: reviewDataSchema.shape.history,
        }),
      })
      .transform((d) => ({
        data: { settings: { desiredRetention: d.data.settings.desiredRetention }, concepts: d.data.concepts, cards: d.data.cards, history: d.data.log },
      }));
    const result = parseReviewExport(V1_TEXT, { migrations, version: 3, schema: v3 });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.migrated).toEqual(['history renamed to log', 'settings gain newPerDay']);
    expect(result.data.history).toHaveLength(4);
  });

  it('names the missing step when a migration is absent', () => {
    const result = parseReviewExport(V1_TEXT, { migrations: [], version: 2 });
    expect(result).toEqual({ ok: false, issues: [{ path: 'version', message: 'no migration from version 1 to 2' }] });
  });

  it.each([
    ['not JSON', '{"format": ', '', /not valid JSON/],
    ['not an object', '[1,2]', '', /must be a JSON object/],
    ['another app’s file', JSON.stringify({ format: 'anki', version: 1 }), 'format', /not a review export/],
    ['a version from a newer app', JSON.stringify({ format: EXPORT_FORMAT, version: 99 }), 'version', /written by a newer app; this one reads up to 1/],
    ['a nonsense version', JSON.stringify({ format: EXPORT_FORMAT, version: 'one' }), 'version', /whole number/],
  ])('refuses %s with the path and reason', (_name, text, pathName, message) => {
    const result = parseReviewExport(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]?.path).toBe(pathName);
    expect(result.issues[0]?.message).toMatch(message);
  });

  it('reports every bad field of a damaged export with its path', () => {
    const doc = JSON.parse(serializeReviewData(sample(), NOW));
    doc.data.settings.desiredRetention = 2;
    doc.data.history[0].rating = 'perfect';
    doc.data.concepts['snat-under-cluster'].schedule.due = 'tomorrow';
    const result = parseReviewExport(JSON.stringify(doc));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path).sort()).toEqual(
      ['data.concepts.snat-under-cluster.schedule.due', 'data.history[0].rating', 'data.settings.desiredRetention'].sort(),
    );
    expect(result.issues.find((i) => i.path === 'data.concepts.snat-under-cluster.schedule.due')?.message).toMatch(/ISO 8601/);
  });
});
