'use client';
/** One card on its own page: the recall flow, then the interviewer twist and a link to the next card. */
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { ClientCard } from './client-card';
import { InterviewerTwist } from './interviewer-twist';
import { RecallCard } from './recall-card';

export function CardSession({ card, modelAnswer, notes, nextHref }: { card: ClientCard; modelAnswer: ReactNode; notes: ReactNode; nextHref: string | null }) {
  return (
    <RecallCard
      card={card}
      modelAnswer={modelAnswer}
      notes={notes}
      after={
        <div>
          {card.twist ? <InterviewerTwist twist={card.twist} cardConcepts={card.concepts} /> : null}
          <p className="mt-6 flex flex-wrap gap-3">
            {nextHref ? (
              <Link href={nextHref} className="rounded bg-accent px-4 py-2 font-semibold text-accent-fg">
                Next card
              </Link>
            ) : null}
            <Link href="/review" className="rounded border border-border px-4 py-2 font-semibold">
              Go to review
            </Link>
          </p>
        </div>
      }
    />
  );
}
