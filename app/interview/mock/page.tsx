import type { Metadata } from 'next';
import Link from 'next/link';
import { loadCards } from '@/lib/interview/load-cards';
import { MockInterview, type MockCard } from '../_components/mock-interview';

export const metadata: Metadata = {
  title: 'Mock interview',
  description: 'Five timed interview questions on Kubernetes Service external traffic, with a summary at the end.',
};

export default function MockInterviewPage() {
  const cards: MockCard[] = loadCards().map((c) => ({
    id: c.id,
    topic: c.topic,
    question: c.question,
    keyPoints: c.keyPoints,
    concepts: c.concepts,
    modelAnswer: c.modelAnswer,
    pitfalls: c.pitfalls,
    whyAsked: c.whyAsked,
    twist: c.twist ?? null,
  }));
  return (
    <div>
      <p className="text-sm">
        <Link href="/interview" className="text-accent underline-offset-4 hover:underline">
          ← Interview mode
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Mock interview</h1>
      <MockInterview cards={cards} />
    </div>
  );
}
