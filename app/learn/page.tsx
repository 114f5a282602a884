import type { Metadata } from 'next';
import { LearningPath } from './learning-path';

export const dynamic = 'force-static';

export const metadata: Metadata = {
  title: 'Learn',
  description: 'The learning path: read an article, try it in the explorer, then practise, topic by topic.',
};

export default function LearnPage() {
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">Learn</h1>
      <p className="mt-2 text-muted">
        Take the topics in order. For each one, read the article, try the cluster in the explorer where it can show the
        topic, then practise until the engine agrees with you.
      </p>
      <LearningPath />
    </div>
  );
}
