import type { Metadata } from 'next';
import { DIFFICULTY_LABELS, KIND_LABELS, QUESTION_KINDS, DIFFICULTIES } from '@/lib/scenarios';
import { NewDrillForm } from './new-drill-form';

export const metadata: Metadata = { title: 'New drill' };

export default function NewDrillPage() {
  return (
    <section className="max-w-2xl space-y-6">
      <div>
        <h1 className="text-3xl font-bold">Create a drill</h1>
        <p className="mt-2 text-muted">
          Students join with a code, answer questions generated from seeded clusters, and are graded on the server.
          You get a secret link to the gradebook — no account needed.
        </p>
      </div>
      <NewDrillForm
        kinds={QUESTION_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
        difficulties={DIFFICULTIES.map((d) => ({ value: d, label: DIFFICULTY_LABELS[d] }))}
      />
    </section>
  );
}
