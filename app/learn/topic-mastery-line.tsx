'use client';
import Link from 'next/link';
import { useState } from 'react';
import { conceptMastery, MASTERY_LABELS } from '@/lib/learner';
import { useLearner } from '@/app/_components/learner/learner-store';
import { MASTERY_LINE_CLASS, MasteryLineSpace } from './mastery-line-space';

/** "2 of 5 concepts known or mastered; 1 learning", from the same FSRS figure /progress and /review show. */
export default function TopicMasteryLine({
  concepts,
  topic,
}: {
  concepts: readonly string[];
  topic: string;
}) {
  const record = useLearner();
  const [now] = useState(() => new Date());
  if (!record) return <MasteryLineSpace />;
  const levels = conceptMastery(record, concepts, now).map((m) => m.level);
  const known = levels.filter((l) => l === 'known' || l === 'mastered').length;
  const started = levels.filter((l) => l !== 'not-started').length;
  const text =
    started === 0
      ? `Your mastery: ${MASTERY_LABELS['not-started'].toLowerCase()}`
      : `Your mastery: ${known} of ${concepts.length} concepts known or mastered${started > known ? `, ${started - known} still learning or fading` : ''}`;
  return (
    <p className={MASTERY_LINE_CLASS} data-testid={`mastery-${topic}`}>
      {text} ·{' '}
      <Link href="/progress" className="text-accent underline">
        details
      </Link>
    </p>
  );
}
