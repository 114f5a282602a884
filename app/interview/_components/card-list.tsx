/**
 * A list of cards linking to their pages, optionally grouped under topic headings (a Server Component with a
 * client status badge per card; the links are plain, made the app's own by one SoftLinks around the list).
 */
import type { CSSProperties } from 'react';
import { SoftLinks } from '@/app/_components/soft-links';
import { CARD_TOPICS, TOPIC_LABELS, type InterviewCard } from '@/lib/interview';
import { CardStatus } from './card-status';

const LEVEL_LABEL = { intro: 'Intro', standard: 'Standard', expert: 'Expert' } as const;

/** Cards shown in full from the start: more than a tall desktop screen (1920 x 1080) shows of the list. */
const FIRST_CARDS = 8;

/**
 * Characters on a line of a card, fitted on the cards at 360 to 1280 px: its question (16 px) at a phone's width,
 * in the column from 48rem and from 64rem; its small print below (14 px, with the status badge) at a phone's width.
 * Wider, the small print is one line.
 */
const QUESTION_CHARS = { narrow: 38, md: 86, lg: 114 } as const;
const SMALL_PRINT_CHARS = 40;
/** Room for the status badge in the small print ("New"; a returning learner's "Next in 3 days" may wrap a line more). */
const BADGE_CHARS = 5;

function smallPrint(card: InterviewCard): string {
  return (
    LEVEL_LABEL[card.level] +
    (card.origin === 'seed-follow-up' ? ' · from the article’s follow-up questions' : '') +
    (card.twist ? ' · has an interviewer twist' : '')
  );
}

/**
 * A card past the first screenful is skipped by the browser while far from the view (globals.css, `.later-card`);
 * its estimated lines hold its place.
 */
function laterProps(card: InterviewCard, index: number) {
  if (index < FIRST_CARDS) return {};
  const lines = (length: number, chars: number) => Math.max(1, Math.ceil(length / chars));
  const q = card.question.length;
  const style = {
    '--card-lines': lines(q, QUESTION_CHARS.narrow),
    '--card-small-lines': lines(smallPrint(card).length + BADGE_CHARS, SMALL_PRINT_CHARS),
    '--card-lines-md': lines(q, QUESTION_CHARS.md),
    '--card-lines-lg': lines(q, QUESTION_CHARS.lg),
  } as CSSProperties;
  return { className: 'later-card', style };
}

function Items({ cards, first }: { cards: InterviewCard[]; first: number }) {
  return (
    <ul className="mt-2 space-y-2">
      {cards.map((c, i) => {
        const later = laterProps(c, first + i);
        return (
          <li
            key={c.id}
            className={['rounded border border-border p-3', later.className].filter(Boolean).join(' ')}
            style={later.style}
          >
            <a
              href={`/interview/${c.id}`}
              className="font-medium text-accent underline-offset-4 hover:underline"
            >
              {c.question}
            </a>
            <p className="mt-1 text-sm text-muted">
              {smallPrint(c)}
              <CardStatus cardId={c.id} />
            </p>
          </li>
        );
      })}
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
  if (!groupByTopic)
    return (
      <SoftLinks>
        <Items cards={cards} first={0} />
      </SoftLinks>
    );
  const topics = CARD_TOPICS.map((t) => ({ topic: t, cards: cards.filter((c) => c.topic === t) })).filter(
    (t) => t.cards.length > 0,
  );
  // Each topic's first card's place in the whole list.
  const firsts = topics.map((_, i) => topics.slice(0, i).reduce((n, t) => n + t.cards.length, 0));
  return (
    <SoftLinks>
      {topics.map(({ topic, cards: inTopic }, i) => (
        <section key={topic} aria-labelledby={`topic-${topic}`} className="mt-6">
          <h3 id={`topic-${topic}`} className="text-lg font-semibold">
            {TOPIC_LABELS[topic]}
          </h3>
          <Items cards={inTopic} first={firsts[i]!} />
        </section>
      ))}
    </SoftLinks>
  );
}
