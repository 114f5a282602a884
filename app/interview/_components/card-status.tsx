'use client';
/** "New", "Due now" or "Next in 3 days" for a card, from the learner's review data in this browser. */
import { useState } from 'react';
import { formatInterval, isDue } from '@/lib/review';
import { useLearner } from '@/app/_components/learner/learner-store';

export function CardStatus({ cardId }: { cardId: string }) {
  const loaded = useLearner();
  const [now] = useState(() => new Date());
  if (!loaded) return null;
  const item = loaded.cards[cardId];
  if (!item) return <span className="ml-2 rounded bg-surface px-1.5 text-xs">New</span>;
  if (isDue(item.schedule, now)) return <span className="ml-2 rounded bg-surface px-1.5 text-xs font-semibold text-warn">Due now</span>;
  return <span className="ml-2 rounded bg-surface px-1.5 text-xs">Next in {formatInterval(now, item.schedule.due)}</span>;
}
