/**
 * The one export file, and import of it or of today's two export files (progress, review).
 *
 *   export:  the learner record with `savedAt` as of the export; this browser's drill attempts and notices stay behind
 *   import:  reads the file and says what it would do; nothing changes until the app calls replaceLearner
 *            with `next` (after the learner confirms)
 *
 * A learner file replaces the record; an old progress or review file fills in its part of the current record
 * (each held only half of what the record holds now). Problems are described by kind and field path only:
 * the file may hold anything, so its text is never repeated.
 */
import { dayKey, type DayKey } from '@/lib/review';
import { isRecord, parseJson, readDocument, type DocumentIssue, type DocumentProblem } from './document';
import { adoptLegacy, LEGACY_PROGRESS_DOCUMENT, LEGACY_REVIEW_DOCUMENT } from './legacy';
import { LEARNER_DOCUMENT, type LearnerRecord } from './record';
import { ROOT_PATH } from '@/lib/validation/issues';

export type ImportKind = 'learner' | 'progress' | 'review';

export interface ImportSummary {
  answers: number;
  ratings: number;
  concepts: number;
  cards: number;
}

export type ImportReading =
  | { ok: true; kind: ImportKind; file: ImportSummary; next: LearnerRecord; migrated: string[] }
  | { ok: false; problem: DocumentProblem; issues: DocumentIssue[] };

export function exportLearner(record: LearnerRecord, now: Date): string {
  return JSON.stringify({ ...record, savedAt: now.toISOString(), drills: {}, notices: [] }, null, 2);
}

export function summarize(record: Pick<LearnerRecord, 'attempts' | 'history' | 'concepts' | 'cards'>): ImportSummary {
  return {
    answers: record.attempts.length,
    ratings: record.history.length,
    concepts: Object.keys(record.concepts).length,
    cards: Object.keys(record.cards).length,
  };
}

/** Reads an import file against the current record. */
export function readImport(text: string, current: LearnerRecord, dayOf: (d: Date) => DayKey = (d) => dayKey(d)): ImportReading {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, problem: 'not-json', issues: [{ path: ROOT_PATH, message: 'is not JSON' }] };
  const raw = json.value;
  const format = isRecord(raw) ? raw.format : undefined;
  if (format === LEGACY_PROGRESS_DOCUMENT.format) {
    const r = readDocument(raw, LEGACY_PROGRESS_DOCUMENT);
    if (!r.ok) return r;
    const file = { answers: r.value.attempts.length, ratings: 0, concepts: 0, cards: 0 };
    return { ok: true, kind: 'progress', file, next: adoptLegacy(current, { progress: r.value }, dayOf), migrated: [] };
  }
  if (format === LEGACY_REVIEW_DOCUMENT.format) {
    const r = readDocument(raw, LEGACY_REVIEW_DOCUMENT);
    if (!r.ok) return r;
    const d = r.value.data;
    const file = { answers: 0, ratings: d.history.length, concepts: Object.keys(d.concepts).length, cards: Object.keys(d.cards).length };
    return { ok: true, kind: 'review', file, next: adoptLegacy(current, { review: r.value }, dayOf), migrated: [] };
  }
  const r = readDocument(raw, LEARNER_DOCUMENT);
  if (!r.ok) return r;
  return { ok: true, kind: 'learner', file: summarize(r.value), next: { ...r.value, drills: {}, notices: [] }, migrated: r.migrated };
}

/** The learner-facing sentence for a file that cannot be imported (never quoting it). */
export function importProblemText(problem: DocumentProblem): string {
  switch (problem) {
    case 'not-json':
    case 'not-object':
    case 'other-format':
      return 'This file is not a Service Traffic Trainer export. Choose a file exported from the Progress or Review page.';
    case 'future-version':
      return 'This file was exported by a newer version of Service Traffic Trainer than this one. Import it where it was made, or once this site is updated.';
    case 'bad-version':
      return 'This file has a version number this site never wrote, so it cannot be read.';
    case 'invalid':
      return 'This file looks like a Service Traffic Trainer export, but some of its fields are not valid, so none of it was imported.';
  }
}
