/**
 * /review's queue: due cards and due concepts (weakest first), then concepts missed recently in practice or a
 * drill that are not due yet and not reviewed since, then new concepts. Each concept is reviewed with a freshly
 * generated scenario (concept-question.ts), so a miss comes back as a different cluster.
 */
import { reviewQueue, strengthOf, type ItemStrength, type QueueOptions } from '@/lib/review';
import type { LearnerRecord } from './record';

/** How far back a practice or drill miss still earns a place in the queue. */
export const RECENT_MISS_DAYS = 7;

export type QueueReason = 'due' | 'missed' | 'new';

export interface QueueEntry extends ItemStrength {
  reason: QueueReason;
  /** For a recent miss: when it was missed. */
  missedAt: string | null;
}

export function learnerQueue(record: LearnerRecord, o: QueueOptions): QueueEntry[] {
  const base = reviewQueue(record, o);
  const due: QueueEntry[] = base.due.map((s) => ({ ...s, reason: 'due', missedAt: null }));
  const taken = new Set(base.due.filter((s) => s.type === 'concept').map((s) => s.id));
  const known = new Set(o.conceptIds);
  const since = o.now.getTime() - RECENT_MISS_DAYS * 86_400_000;
  const lastReviewed = new Map<string, string>();
  for (const h of record.history) if (h.type === 'concept' && h.source === 'review') lastReviewed.set(h.id, h.at);
  const misses: QueueEntry[] = [];
  for (const h of [...record.history].reverse()) {
    const missed = h.type === 'concept' && (h.source === 'practice' || h.source === 'drill') && h.score !== null && h.score < 1;
    if (!missed || new Date(h.at).getTime() < since || taken.has(h.id) || !known.has(h.id)) continue;
    const reviewed = lastReviewed.get(h.id);
    if (reviewed && reviewed > h.at) continue;
    taken.add(h.id);
    misses.push({ ...strengthOf(record, 'concept', h.id, o.now), reason: 'missed', missedAt: h.at });
  }
  const fresh: QueueEntry[] = base.fresh.filter((s) => !taken.has(s.id)).map((s) => ({ ...s, reason: 'new', missedAt: null }));
  return [...due, ...misses, ...fresh];
}
