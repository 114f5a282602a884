import {
  exportLearner,
  LEARNER_BACKUP_KEY,
  LEARNER_KEY,
  LEGACY_KEYS,
  loadLearner,
  readBackups,
  recordAnswer,
  type LearnerRecord,
} from '@/lib/learner';
import { fixture, memoryStore, utcDay } from './helpers';

const NOW = new Date('2026-03-05T10:00:00Z');
const PROGRESS = fixture('progress-v1.json');
const REVIEW = fixture('review-v1.json');
const DRILL = fixture('drill-attempt-ABC234.json');

/** A browser holding today's three stores. */
function todaysBrowser() {
  return memoryStore({
    [LEGACY_KEYS.progress]: PROGRESS,
    [LEGACY_KEYS.review]: REVIEW,
    [`${LEGACY_KEYS.drillAttemptPrefix}ABC234`]: DRILL,
    'stt-my-drills': '[]', // an instructor's list: not learner data, left alone
  });
}

describe('loadLearner: the first load migrates today’s keys', () => {
  it('starts empty, writing nothing, when nothing is stored', () => {
    const store = memoryStore();
    const r = loadLearner(store, NOW, utcDay);
    expect(r.attempts).toEqual([]);
    expect(r.notices).toEqual([]);
    expect(store.map.size).toBe(0);
  });

  it('moves progress, review data and drill attempts into one record and removes the old keys', () => {
    const store = todaysBrowser();
    const r = loadLearner(store, NOW, utcDay);
    const progress = JSON.parse(PROGRESS);
    const review = JSON.parse(REVIEW);
    // Every answer and session of the progress file, marked as practice.
    expect(r.attempts.map((a) => a.questionId)).toEqual(progress.attempts.map((a: { questionId: string }) => a.questionId));
    expect(r.attempts.every((a) => a.source === 'practice')).toBe(true);
    expect(r.sessions).toEqual(progress.sessions);
    // The review file's FSRS state, settings and cards, unchanged.
    expect(r.settings).toEqual(review.data.settings);
    expect(r.concepts['snat-under-cluster']).toEqual(review.data.concepts['snat-under-cluster']);
    expect(r.cards).toEqual(review.data.cards);
    // Drill attempt kept for resuming.
    expect(r.drills).toEqual({ ABC234: JSON.parse(DRILL) });
    // One key family: the old keys are gone once the record is written; other keys are left alone.
    expect([...store.map.keys()].sort()).toEqual([LEARNER_KEY, 'stt-my-drills'].sort());
    expect(JSON.parse(store.map.get(LEARNER_KEY) ?? '{}').format).toBe('service-traffic-trainer/learner');
    expect(r.notices).toEqual([{ at: NOW.toISOString(), migrated: ['progress', 'review', 'drill-attempts'], backedUp: [] }]);
  });

  it('gives concepts only practised (never reviewed) FSRS state by replaying their answers; reviewed ones keep theirs', () => {
    const r = loadLearner(todaysBrowser(), NOW, utcDay);
    // health-check-node-port was reviewed (review file): its state is the file's, not a replay.
    expect(r.concepts['health-check-node-port']?.schedule.reps).toBe(1);
    // balancer-node-selection was only missed in practice: now scheduled, with one lapse-free learning rep.
    expect(r.concepts['balancer-node-selection']?.schedule).toMatchObject({ reps: 1, state: 'learning' });
    // client-ip-under-local was half right (Hard); load-share concepts fully right (Good).
    const practice = r.history.filter((h) => h.source === 'practice');
    expect(practice.map((h) => `${h.id}:${h.rating}`).sort()).toEqual(
      ['uneven-load-under-local:good', 'even-load-under-cluster:good', 'balancer-node-selection:again', 'client-ip-under-local:hard'].sort(),
    );
    // The review history stays, marked by where it came from; everything in time order.
    expect(r.history.filter((h) => h.source === 'review')).toHaveLength(3);
    expect(r.history.filter((h) => h.source === 'interview')).toHaveLength(1);
    const times = r.history.map((h) => h.at);
    expect([...times].sort()).toEqual(times);
  });

  it('keeps a backup of anything it cannot read and says so, without losing what it can read', () => {
    const store = memoryStore({ [LEGACY_KEYS.progress]: '{"format":"service-traffic-trainer/progress","version":1,"attempts":"oops"}', [LEGACY_KEYS.review]: REVIEW, [`${LEGACY_KEYS.drillAttemptPrefix}XYZ`]: 'not json' });
    const r = loadLearner(store, NOW, utcDay);
    expect(r.settings.desiredRetention).toBe(0.85);
    expect(r.notices).toEqual([{ at: NOW.toISOString(), migrated: ['review'], backedUp: ['progress', 'drill-attempts'] }]);
    expect(readBackups(store).map((b) => [b.source, b.text])).toEqual([
      ['progress', '{"format":"service-traffic-trainer/progress","version":1,"attempts":"oops"}'],
      ['drill-attempts', 'not json'],
    ]);
    expect(store.map.has(LEGACY_KEYS.progress)).toBe(false);
  });

  it('moves the old backup keys into the one backup list', () => {
    const store = memoryStore({ [LEGACY_KEYS.progressBackup]: 'old broken progress', [LEGACY_KEYS.reviewBackup]: REVIEW });
    const r = loadLearner(store, NOW, utcDay);
    expect(readBackups(store).map((b) => b.source)).toEqual(['progress-backup', 'review-backup']);
    expect(r.notices[0]?.backedUp).toEqual(['progress-backup', 'review-backup']);
    expect(store.map.has(LEGACY_KEYS.progressBackup) || store.map.has(LEGACY_KEYS.reviewBackup)).toBe(false);
  });

  it('keeps an unreadable learner record as a backup and starts fresh', () => {
    const store = memoryStore({ [LEARNER_KEY]: '{"format":"service-traffic-trainer/learner","version":1}' });
    const r = loadLearner(store, NOW, utcDay);
    expect(r.attempts).toEqual([]);
    expect(r.notices[0]?.backedUp).toEqual(['learner']);
    expect(readBackups(store)[0]?.text).toBe('{"format":"service-traffic-trainer/learner","version":1}');
  });

  it('a second load reads the record as written (no second migration, the notice stays until dismissed)', () => {
    const store = todaysBrowser();
    const first = loadLearner(store, NOW, utcDay);
    const text = store.map.get(LEARNER_KEY);
    const second = loadLearner(store, new Date('2026-03-06T10:00:00Z'), utcDay);
    expect(second).toEqual(first);
    expect(store.map.get(LEARNER_KEY)).toBe(text);
  });

  it('loads what the app saved, and what an export wrote', () => {
    let r: LearnerRecord = loadLearner(todaysBrowser(), NOW, utcDay);
    r = recordAnswer(r, { questionId: 'q', kind: 'client-outcome', difficulty: 'intro', seed: 's', score: 1, at: NOW.toISOString(), ms: 1, concepts: ['drop-vs-reject'], misconception: null, source: 'practice' }, '2026-03-05');
    const store = memoryStore({ [LEARNER_KEY]: exportLearner(r, NOW) });
    expect(loadLearner(store, NOW, utcDay)).toEqual({ ...r, drills: {}, notices: [] });
    expect(store.map.has(LEARNER_BACKUP_KEY)).toBe(false);
  });
});
