'use client';
/**
 * The learner's mastery of a learning-path topic, beside it. The learner record (and FSRS) load in a chunk of their
 * own after the page is interactive, so the home page and /learn keep their first-load JavaScript.
 */
import { lazy, Suspense } from 'react';
import { MasteryLineSpace } from './mastery-line-space';

const TopicMasteryLine = lazy(() => import('./topic-mastery-line'));

export function TopicMastery({ concepts, topic }: { concepts: readonly string[]; topic: string }) {
  return (
    <Suspense fallback={<MasteryLineSpace />}>
      <TopicMasteryLine concepts={concepts} topic={topic} />
    </Suspense>
  );
}
