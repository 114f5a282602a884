/** The parts of a card shown after the reveal, besides the key points. No hooks: server or client. */
import type { InterviewCard } from '@/lib/interview';
import { InlineProse, Prose } from './prose';

type Notes = Pick<InterviewCard, 'modelAnswer' | 'pitfalls' | 'whyAsked'>;

export function ModelAnswer({ card }: { card: Pick<Notes, 'modelAnswer'> }) {
  return <Prose text={card.modelAnswer} />;
}

export function CardNotes({ card, headingLevel = 2 }: { card: Pick<Notes, 'pitfalls' | 'whyAsked'>; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="mt-6 grid gap-6 md:grid-cols-2">
      <section>
        <H className="text-lg font-semibold">Common pitfalls</H>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          {card.pitfalls.map((p, i) => (
            <li key={i}>
              <InlineProse text={p} />
            </li>
          ))}
        </ul>
      </section>
      <section>
        <H className="text-lg font-semibold">Why interviewers ask this</H>
        <Prose text={card.whyAsked} className="mt-2" />
      </section>
    </div>
  );
}
