import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  BACKUP_KEY,
  emptyReviewData,
  importReviewData,
  loadReviewData,
  recordReview,
  saveReviewData,
  STORAGE_KEY,
  type KeyValueStore,
} from '@/lib/review';

const NOW = new Date('2026-03-05T10:00:00Z');
const V1_TEXT = readFileSync(path.join(__dirname, 'fixtures', 'review-export-v1.json'), 'utf8');

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { map: Map<string, string> } {
  const map = new Map(Object.entries(initial));
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

describe('review storage', () => {
  it('starts empty when nothing is stored', () => {
    expect(loadReviewData(memoryStore())).toEqual({ status: 'empty', data: emptyReviewData() });
  });

  it('saves and loads the same data', () => {
    const store = memoryStore();
    const data = recordReview(emptyReviewData(), { type: 'card', id: 'c', rating: 'good', now: NOW, day: '2026-03-05' });
    saveReviewData(store, data, NOW);
    expect(loadReviewData(store)).toEqual({ status: 'loaded', data, migrated: [] });
  });

  it('loads stored data written in the version 1 format', () => {
    const result = loadReviewData(memoryStore({ [STORAGE_KEY]: V1_TEXT }));
    expect(result.status).toBe('loaded');
    expect(result.data.history).toHaveLength(4);
  });

  it('keeps unreadable stored data as a backup instead of losing it', () => {
    const store = memoryStore({ [STORAGE_KEY]: '{broken' });
    const result = loadReviewData(store);
    expect(result.status).toBe('recovered');
    expect(result.data).toEqual(emptyReviewData());
    expect(store.map.get(BACKUP_KEY)).toBe('{broken');
    expect(store.map.get(STORAGE_KEY)).toBe('{broken');
  });

  it('an import replaces the data and keeps the previous data as a backup', () => {
    const store = memoryStore();
    const mine = recordReview(emptyReviewData(), { type: 'card', id: 'mine', rating: 'good', now: NOW, day: '2026-03-05' });
    saveReviewData(store, mine, NOW);
    const before = store.map.get(STORAGE_KEY);
    const result = importReviewData(store, V1_TEXT, NOW);
    expect(result.ok).toBe(true);
    expect(store.map.get(BACKUP_KEY)).toBe(before);
    expect(loadReviewData(store).data.cards['why-cluster-loses-client-ip']).toBeDefined();
  });

  it('a failed import changes nothing', () => {
    const store = memoryStore();
    saveReviewData(store, emptyReviewData(), NOW);
    const snapshot = new Map(store.map);
    const result = importReviewData(store, '{"format":"service-traffic-trainer/review","version":1}', NOW);
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: 'exportedAt', message: expect.stringMatching(/^must be an ISO 8601 date-time/) },
        { path: 'data', message: 'Invalid input: expected object, received undefined' },
      ],
    });
    expect(store.map).toEqual(snapshot);
  });
});
