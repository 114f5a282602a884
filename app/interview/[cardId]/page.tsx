import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TOPIC_LABELS } from '@/lib/interview';
import { loadCard, loadCards } from '@/lib/interview/load-cards';
import { CardNotes, ModelAnswer } from '../_components/card-notes';
import { toClientCard } from '../_components/client-card';
import { CardSession } from '../_components/card-session';

/** Every card page is built ahead of time; a malformed card fails the build here (loadCards throws). */
export const dynamicParams = false;

export function generateStaticParams() {
  return loadCards().map((c) => ({ cardId: c.id }));
}

export async function generateMetadata({ params }: { params: Promise<{ cardId: string }> }): Promise<Metadata> {
  const { cardId } = await params;
  const card = loadCard(cardId);
  return { title: card ? `${card.question} · Interview` : 'Interview' };
}

export default async function CardPage({ params }: { params: Promise<{ cardId: string }> }) {
  const { cardId } = await params;
  const cards = loadCards();
  const index = cards.findIndex((c) => c.id === cardId);
  const card = cards[index];
  if (!card) notFound();
  const next = cards[(index + 1) % cards.length];
  return (
    <article>
      <p className="text-sm">
        <Link href="/interview" className="text-accent underline-offset-4 hover:underline">
          Interview
        </Link>{' '}
        /{' '}
        <Link href={`/interview/topics/${card.topic}`} className="text-accent underline-offset-4 hover:underline">
          {TOPIC_LABELS[card.topic]}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold sm:text-3xl">{card.question}</h1>
      <p className="mt-1 text-sm text-muted">
        {card.level === 'intro' ? 'Intro' : card.level === 'standard' ? 'Standard' : 'Expert'}
        {card.origin === 'seed-follow-up' ? ' · one of the article’s follow-up questions' : ''}
      </p>
      <div className="mt-6">
        <CardSession
          card={toClientCard(card)}
          modelAnswer={<ModelAnswer card={card} />}
          notes={<CardNotes card={card} />}
          nextHref={next && next.id !== card.id ? `/interview/${next.id}` : null}
        />
      </div>
    </article>
  );
}
