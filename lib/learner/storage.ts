/**
 * The learner record in browser storage: one key family, `stt.learner*`.
 *
 *   stt.learner          the record (LEARNER_DOCUMENT)
 *   stt.learner.backup   a JSON list of texts kept because they could not be read or were replaced by an import
 *
 * Takes a Storage-like object (window.localStorage in the app, a Map in tests). The first load moves today's
 * keys (legacy.ts) into the record, keeps a backup of anything it cannot read, removes the old keys only after
 * the record is written, and leaves a notice in the record so the learner is told.
 */
import { dayKey, type DayKey } from '@/lib/review';
import { parseDocument, type DocumentKind } from './document';
import { adoptLegacy, LEGACY_KEYS, LEGACY_PROGRESS_DOCUMENT, LEGACY_REVIEW_DOCUMENT, parseLegacyDrillAttempt, type LegacyParts } from './legacy';
import { emptyLearnerRecord, LEARNER_DOCUMENT, type LearnerRecord, type NoticeSource } from './record';

export const LEARNER_KEY = 'stt.learner';
export const LEARNER_BACKUP_KEY = 'stt.learner.backup';
/** Backups kept (oldest dropped first). */
export const MAX_BACKUPS = 10;

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  keys(): string[];
}

export interface Backup {
  at: string;
  source: NoticeSource | 'before-import';
  text: string;
}

export function readBackups(store: KeyValueStore): Backup[] {
  try {
    const list = JSON.parse(store.getItem(LEARNER_BACKUP_KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? (list as Backup[]) : [];
  } catch {
    return [];
  }
}

function addBackup(store: KeyValueStore, backup: Backup): void {
  let list = readBackups(store);
  // An unreadable backup list is itself kept, as the first entry of the new one.
  const raw = store.getItem(LEARNER_BACKUP_KEY);
  if (raw !== null && list.length === 0 && raw !== '[]') list = [{ at: backup.at, source: 'learner', text: raw }];
  store.setItem(LEARNER_BACKUP_KEY, JSON.stringify([...list, backup].slice(-MAX_BACKUPS)));
}

export function saveLearner(store: KeyValueStore, record: LearnerRecord, now: Date): LearnerRecord {
  const saved = { ...record, savedAt: now.toISOString() };
  store.setItem(LEARNER_KEY, JSON.stringify(saved));
  return saved;
}

/**
 * Loads the record, migrating today's keys on the way. Writes to `store` only when something changed
 * (a migration, a recovery); a plain load is read-only.
 */
export function loadLearner(store: KeyValueStore, now: Date, dayOf: (d: Date) => DayKey = (d) => dayKey(d)): LearnerRecord {
  const at = now.toISOString();
  const migrated: NoticeSource[] = [];
  const backedUp: NoticeSource[] = [];
  const keep = (source: NoticeSource, text: string) => {
    addBackup(store, { at, source, text });
    backedUp.push(source);
  };
  let changed = false;
  let record = emptyLearnerRecord(now);
  const text = store.getItem(LEARNER_KEY);
  if (text !== null) {
    const r = parseDocument(text, LEARNER_DOCUMENT);
    if (r.ok) {
      record = r.value;
      changed = r.migrated.length > 0;
    } else {
      keep('learner', text);
      changed = true;
    }
  }

  const parts: LegacyParts = {};
  const oldKeys: string[] = [];
  /** Reads one of today's JSON documents: its value when readable, else a backup of its text. */
  const readLegacy = <T>(key: string, kind: DocumentKind<T>, source: NoticeSource): T | undefined => {
    const old = store.getItem(key);
    if (old === null) return undefined;
    oldKeys.push(key);
    const r = parseDocument(old, kind);
    if (!r.ok) return void keep(source, old);
    migrated.push(source);
    return r.value;
  };
  const progress = readLegacy(LEGACY_KEYS.progress, LEGACY_PROGRESS_DOCUMENT, 'progress');
  if (progress) parts.progress = progress;
  const review = readLegacy(LEGACY_KEYS.review, LEGACY_REVIEW_DOCUMENT, 'review');
  if (review) parts.review = review;
  for (const [key, source] of [
    [LEGACY_KEYS.progressBackup, 'progress-backup'],
    [LEGACY_KEYS.reviewBackup, 'review-backup'],
  ] as const) {
    const old = store.getItem(key);
    if (old === null) continue;
    oldKeys.push(key);
    keep(source, old);
  }
  for (const key of store.keys().filter((k) => k.startsWith(LEGACY_KEYS.drillAttemptPrefix))) {
    const old = store.getItem(key);
    if (old === null) continue;
    oldKeys.push(key);
    const ref = parseLegacyDrillAttempt(old);
    if (ref) {
      parts.drills = { ...parts.drills, [key.slice(LEGACY_KEYS.drillAttemptPrefix.length)]: ref };
      if (!migrated.includes('drill-attempts')) migrated.push('drill-attempts');
    } else keep('drill-attempts', old);
  }

  if (oldKeys.length > 0) {
    record = adoptLegacy(record, parts, dayOf);
    changed = true;
  }
  if (migrated.length > 0 || backedUp.length > 0) {
    record = { ...record, notices: [...record.notices, { at, migrated, backedUp: [...new Set(backedUp)] }].slice(-20) };
  }
  if (changed) record = saveLearner(store, record, now);
  for (const key of oldKeys) store.removeItem(key); // only once the record holding their data is written
  return record;
}

/**
 * Replaces the stored record with `incoming` (an import the learner confirmed). The current record is kept
 * under LEARNER_BACKUP_KEY first; this browser's drill attempts and notices stay (an export carries neither).
 */
export function replaceLearner(store: KeyValueStore, current: LearnerRecord, incoming: LearnerRecord, now: Date): LearnerRecord {
  addBackup(store, { at: now.toISOString(), source: 'before-import', text: JSON.stringify(current) });
  return saveLearner(store, { ...incoming, drills: current.drills, notices: current.notices }, now);
}

export function dismissNotices(record: LearnerRecord): LearnerRecord {
  return { ...record, notices: [] };
}
