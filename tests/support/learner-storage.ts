/** The learner record as jsdom's localStorage holds it (component tests). */
import { emptyLearnerRecord, LEARNER_KEY, saveLearner, type KeyValueStore, type LearnerRecord } from '@/lib/learner';

export function browserStore(): KeyValueStore {
  return {
    getItem: (k) => localStorage.getItem(k),
    setItem: (k, v) => localStorage.setItem(k, v),
    removeItem: (k) => localStorage.removeItem(k),
    keys: () => Object.keys(localStorage),
  };
}

/** The stored record (throws when there is none). */
export function storedRecord(): LearnerRecord {
  const text = localStorage.getItem(LEARNER_KEY);
  if (text === null) throw new Error(`nothing stored under ${LEARNER_KEY}`);
  return JSON.parse(text) as LearnerRecord;
}

/** Stores a record built from an empty one. */
export function storeRecord(change: (r: LearnerRecord) => LearnerRecord, now: Date): void {
  saveLearner(browserStore(), change(emptyLearnerRecord(now)), now);
}
