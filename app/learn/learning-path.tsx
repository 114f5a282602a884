import Link from 'next/link';
import { LEARNING_PATH, practiceHref, topicConcepts } from '@/lib/learning-path';
import { TopicMastery } from './topic-mastery';

/** The learning path as a list of topics, each read → explore → practise, with the learner's mastery (a client island). */
export function LearningPath({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ol className="mt-4 space-y-4">
      {LEARNING_PATH.map((topic, i) => (
        <li key={topic.id} className="rounded-lg border border-border p-5">
          <Heading className="text-lg font-semibold">
            <span className="text-muted">{i + 1}.</span> {topic.title}
          </Heading>
          <p className="mt-1 text-muted">{topic.goal}</p>
          <TopicMastery concepts={topicConcepts(topic)} topic={topic.id} />
          <ul className="mt-3 flex flex-wrap gap-2" aria-label={`Steps for ${topic.title}`}>
            <li>
              <Link
                prefetch={false}
                href={topic.read.href}
                className="inline-block rounded-md border border-border px-3 py-1.5 hover:bg-surface"
              >
                {topic.read.label}
              </Link>
            </li>
            {topic.explore && (
              <li>
                <Link
                  prefetch={false}
                  href={topic.explore.href}
                  className="inline-block rounded-md border border-border px-3 py-1.5 hover:bg-surface"
                >
                  {topic.explore.label}
                </Link>
              </li>
            )}
            <li>
              <Link
                prefetch={false}
                href={practiceHref(topic)}
                className="inline-block rounded-md border border-border px-3 py-1.5 hover:bg-surface"
              >
                {topic.kinds.length === 0
                  ? 'Practise (choose the kinds)'
                  : `Practise (${topic.kinds.length} question ${topic.kinds.length === 1 ? 'kind' : 'kinds'})`}
              </Link>
            </li>
          </ul>
        </li>
      ))}
    </ol>
  );
}
