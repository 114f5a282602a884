import type { Metadata } from 'next';
import { CONCEPTS } from '@/lib/scenarios/concepts';
import { loadCards } from '@/lib/interview/load-cards';
import { ReviewDashboard } from './_components/review-dashboard';

export const metadata: Metadata = {
  title: 'Spaced review',
  description: 'Review concepts with a freshly generated cluster each time, scheduled by FSRS; streaks, history and export.',
};

export default function ReviewPage() {
  const concepts = CONCEPTS.map((c) => ({ id: c.id, label: c.label, summary: c.summary, kinds: [...c.kinds] }));
  const cards = loadCards().map((c) => ({ id: c.id, question: c.question }));
  return (
    <div>
      <h1 className="text-3xl font-bold">Spaced review</h1>
      <p className="mt-3 max-w-3xl">
        Concepts come back when you are about to forget them (FSRS). Each review draws a <em>new</em> cluster, so
        you practise the idea rather than remember an answer. Interview cards you have rated come back here too.
      </p>
      <ReviewDashboard concepts={concepts} cards={cards} />
    </div>
  );
}
