import type { Metadata } from 'next';
import { IntentLink } from '@/app/_components/intent-link';
import { CARD_TOPICS, TOPIC_LABELS } from '@/lib/interview';
import { loadCards } from '@/lib/interview/load-cards';
import { CardList } from './_components/card-list';

export const metadata: Metadata = {
  title: 'Interview mode',
  description: 'Recall cards on externalTrafficPolicy, SNAT and health checks, with model answers, key points and an interviewer twist graded by the routing engine.',
};

export default function InterviewPage() {
  const cards = loadCards();
  const topics = CARD_TOPICS.filter((t) => cards.some((c) => c.topic === t));
  return (
    <div>
      <h1 className="text-3xl font-bold">Interview mode</h1>
      <p className="mt-3 max-w-3xl">
        Answer each question in your own words, then compare with the model answer, tick the key points you
        covered and rate how well you recalled it. Cards come back on a spaced schedule. Many end with an{' '}
        <em>interviewer twist</em>: a freshly generated cluster on the same idea, graded by the routing engine.
      </p>
      <div className="mt-6 flex flex-wrap gap-3">
        <IntentLink href="/interview/mock" className="rounded bg-accent px-4 py-2 font-semibold text-accent-fg">
          Start a timed mock interview
        </IntentLink>
        <IntentLink href="/review" className="rounded border border-border px-4 py-2 font-semibold">
          See what is due for review
        </IntentLink>
      </div>
      <nav aria-label="Topics" className="mt-8">
        <h2 className="text-xl font-semibold">Topics</h2>
        <ul className="mt-2 flex flex-wrap gap-2">
          {topics.map((t) => (
            <li key={t}>
              <IntentLink href={`/interview/topics/${t}`} className="inline-block rounded border border-border px-3 py-1 hover:bg-surface">
                {TOPIC_LABELS[t]} <span className="text-muted">({cards.filter((c) => c.topic === t).length})</span>
              </IntentLink>
            </li>
          ))}
        </ul>
      </nav>
      <h2 className="mt-8 text-xl font-semibold">All {cards.length} cards</h2>
      <CardList cards={cards} groupByTopic />
    </div>
  );
}
