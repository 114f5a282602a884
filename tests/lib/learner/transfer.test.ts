import { z } from 'zod';
import { extend, omit } from 'zod/mini';
import {
  emptyLearnerRecord,
  exportLearner,
  importProblemText,
  LEARNER_FORMAT,
  learnerRecordSchema,
  loadLearner,
  parseDocument,
  readImport,
  recordAnswer,
  type DocumentKind,
  type LearnerRecord,
  type Migration,
} from '@/lib/learner';
import { describeImportIssues } from '@/app/_components/import-problems';
import { fixture, memoryStore, utcDay } from './helpers';

const NOW = new Date('2026-03-05T10:00:00Z');

function sample(): LearnerRecord {
  const r = loadLearner(memoryStore({ 'stt:review': fixture('review-v1.json'), 'drill-attempt:ABC234': fixture('drill-attempt-ABC234.json') }), NOW, utcDay);
  return recordAnswer(r, { questionId: 'q1', kind: 'health-check', difficulty: 'intro', seed: 's1', score: 0, at: NOW.toISOString(), ms: 5000, concepts: ['health-check-node-port'], misconception: null, source: 'practice' }, '2026-03-05');
}

describe('the one export file', () => {
  it('round-trips: an export read back is the record, minus this browser’s drill attempts and notices', () => {
    const r = sample();
    const reading = readImport(exportLearner(r, NOW), emptyLearnerRecord(NOW), utcDay);
    if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
    expect(reading.kind).toBe('learner');
    expect(reading.next).toEqual({ ...r, savedAt: NOW.toISOString(), drills: {}, notices: [] });
    expect(reading.file).toEqual({ answers: 1, ratings: r.history.length, concepts: Object.keys(r.concepts).length, cards: 1 });
  });

  it('carries no drill token', () => {
    expect(exportLearner(sample(), NOW)).not.toContain('tok_');
  });

  it('imports today’s progress export by adding its answers to the current record', () => {
    const current = sample();
    const reading = readImport(fixture('progress-v1.json'), current, utcDay);
    if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
    expect(reading.kind).toBe('progress');
    expect(reading.next.attempts.map((a) => a.questionId)).toEqual(['load-share:intro:p1', 'health-check:intro:p2', 'source-ip:standard:p3', 'q1']);
    expect(reading.next.cards).toEqual(current.cards); // the review part is untouched
    expect(reading.next.drills).toEqual(current.drills);
  });

  it('imports today’s review export into the review part of the current record', () => {
    const current = emptyLearnerRecord(NOW);
    const reading = readImport(fixture('review-v1.json'), current, utcDay);
    if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
    expect(reading.kind).toBe('review');
    expect(reading.next.settings.desiredRetention).toBe(0.85);
    expect(reading.next.history.map((h) => h.source)).toEqual(['review', 'review', 'interview', 'review']);
  });

  it.each([
    ['garbage text', 'hello <script>secret</script>', 'not-json'],
    ['a JSON array', '[1,2,3]', 'not-object'],
    ['another app’s JSON', '{"format":"someone-else","secret":"s3cret"}', 'other-format'],
    ['a future version', `{"format":"${LEARNER_FORMAT}","version":99,"secret":"s3cret"}`, 'future-version'],
    ['a future progress file', '{"format":"service-traffic-trainer/progress","version":2}', 'future-version'],
    ['a version that is not a number', `{"format":"${LEARNER_FORMAT}","version":"one"}`, 'bad-version'],
  ])('refuses %s with a clear message that does not echo the file', (_name, text, problem) => {
    const reading = readImport(text, emptyLearnerRecord(NOW), utcDay);
    expect(reading).toMatchObject({ ok: false, problem });
    if (reading.ok) return;
    const shown = [importProblemText(reading.problem), ...describeImportIssues(reading.issues)].join(' ');
    expect(shown).not.toMatch(/secret|s3cret|script|hello|\b99\b|"one"/);
  });

  it('names every invalid field of a damaged export by path, without its values', () => {
    const doc = JSON.parse(exportLearner(sample(), NOW));
    doc.attempts[0].score = 'full marks <b>x</b>';
    doc.settings.desiredRetention = 5;
    const reading = readImport(JSON.stringify(doc), emptyLearnerRecord(NOW), utcDay);
    if (reading.ok) throw new Error('imported');
    expect(reading.problem).toBe('invalid');
    expect(reading.issues.map((i) => i.path).sort()).toEqual(['attempts[0].score', 'settings.desiredRetention']);
    expect(describeImportIssues(reading.issues).join(' ')).not.toMatch(/full marks|<b>/);
  });
});

describe('the migration chain', () => {
  it('walks a version 1 record through later steps to the current shape (v1 → v2 → v3)', () => {
    // A hypothetical future: v2 renames history → log, v3 adds settings.newPerDay.
    const migrations: Migration[] = [
      { from: 1, describe: 'history renamed to log', up: ({ history, ...rest }) => ({ ...rest, log: history }) },
      { from: 2, describe: 'settings gain newPerDay', up: (doc) => ({ ...doc, settings: { ...(doc.settings as object), newPerDay: 3 } }) },
    ];
    // The record's schema is zod/mini (lib/validation/zod-mini), hence the function forms of omit and extend.
    const v3 = extend(omit(learnerRecordSchema, { version: true, history: true, settings: true }), {
      version: z.literal(3),
      log: learnerRecordSchema.shape.history,
      settings: z.strictObject({ desiredRetention: z.number(), newPerDay: z.number() }),
    });
    const kind: DocumentKind<z.infer<typeof v3>> = { format: LEARNER_FORMAT, version: 3, migrations, schema: v3 };
    const r = sample();
    const result = parseDocument(exportLearner(r, NOW), kind);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.migrated).toEqual(['history renamed to log', 'settings gain newPerDay']);
    expect(result.value.log).toEqual(r.history);
    expect(result.value.settings.newPerDay).toBe(3);
  });

  it('refuses a version with no step to the next', () => {
    const kind: DocumentKind<unknown> = { format: LEARNER_FORMAT, version: 2, migrations: [], schema: z.unknown() };
    expect(parseDocument(exportLearner(sample(), NOW), kind)).toMatchObject({ ok: false, problem: 'bad-version' });
  });
});
