import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CARD_TOPICS, TOPIC_LABELS, type CardTopic } from '@/lib/interview';
import { loadCards } from '@/lib/interview/load-cards';
import { CardList } from '../../_components/card-list';

export const dynamicParams = false;

export function generateStaticParams() {
  const cards = loadCards();
  return CARD_TOPICS.filter((t) => cards.some((c) => c.topic === t)).map((topic) => ({ topic }));
}

function isTopic(t: string): t is CardTopic {
  return (CARD_TOPICS as readonly string[]).includes(t);
}

export async function generateMetadata({ params }: { params: Promise<{ topic: string }> }): Promise<Metadata> {
  const { topic } = await params;
  return { title: isTopic(topic) ? `${TOPIC_LABELS[topic]} · Interview` : 'Interview' };
}

export default async function TopicPage({ params }: { params: Promise<{ topic: string }> }) {
  const { topic } = await params;
  if (!isTopic(topic)) notFound();
  const cards = loadCards().filter((c) => c.topic === topic);
  if (cards.length === 0) notFound();
  return (
    <div>
      <p>
        <Link href="/interview" className="text-accent underline-offset-4 hover:underline">
          ← All interview cards
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{TOPIC_LABELS[topic]}</h1>
      <p className="mt-2 text-muted">{cards.length} cards. Pick one to answer it.</p>
      <CardList cards={cards} />
    </div>
  );
}
