/** A list of cards linking to their pages, optionally grouped under topic headings (a Server Component with a client status badge per card). */
import { IntentLink } from '@/app/_components/intent-link';
import { CARD_TOPICS, TOPIC_LABELS, type InterviewCard } from '@/lib/interview';
import { CardStatus } from './card-status';

const LEVEL_LABEL = { intro: 'Intro', standard: 'Standard', expert: 'Expert' } as const;

function Items({ cards }: { cards: InterviewCard[] }) {
  return (
    <ul className="mt-2 space-y-2">
      {cards.map((c) => (
        <li key={c.id} className="rounded border border-border p-3">
          <IntentLink
            href={`/interview/${c.id}`}
            className="font-medium text-accent underline-offset-4 hover:underline"
          >
            {c.question}
          </IntentLink>
          <p className="mt-1 text-sm text-muted">
            {LEVEL_LABEL[c.level]}
            {c.origin === 'seed-follow-up' ? ' · from the article’s follow-up questions' : ''}
            {c.twist ? ' · has an interviewer twist' : ''}
            <CardStatus cardId={c.id} />
          </p>
        </li>
      ))}
    </ul>
  );
}

export function CardList({
  cards,
  groupByTopic = false,
}: {
  cards: InterviewCard[];
  groupByTopic?: boolean;
}) {
  if (!groupByTopic) return <Items cards={cards} />;
  return (
    <div>
      {CARD_TOPICS.filter((t) => cards.some((c) => c.topic === t)).map((t) => (
        <section key={t} aria-labelledby={`topic-${t}`} className="mt-6">
          <h3 id={`topic-${t}`} className="text-lg font-semibold">
            {TOPIC_LABELS[t]}
          </h3>
          <Items cards={cards.filter((c) => c.topic === t)} />
        </section>
      ))}
    </div>
  );
}
