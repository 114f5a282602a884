/**
 * The one per-concept mastery table, on /progress and /review alike: the figure is FSRS's chance of recalling
 * the concept now (lib/learner/mastery.ts), the same figure /review schedules by. No hooks: the page passes
 * the record's mastery and answer counts.
 */
import Link from 'next/link';
import { formatInterval } from '@/lib/review';
import { MASTERY_LABELS, type AnswerCounts, type ConceptMastery, type MasteryLevel } from '@/lib/learner';

export interface MasteryConcept {
  id: string;
  label: string;
  kinds: readonly string[];
}

const TONE: Record<MasteryLevel, string> = {
  'not-started': 'text-muted',
  learning: 'text-warn',
  fading: 'text-bad',
  known: '',
  mastered: 'text-ok',
};

export function recallText(r: number | null): string {
  return r === null ? 'not started' : `${Math.round(r * 100)}%`;
}

export function ConceptMasteryTable({
  concepts,
  mastery,
  answers,
  now,
  regionLabel,
}: {
  concepts: readonly MasteryConcept[];
  mastery: readonly ConceptMastery[];
  answers: ReadonlyMap<string, AnswerCounts>;
  now: Date;
  /** Unique per page: axe wants distinct landmark names. */
  regionLabel: string;
}) {
  const byId = new Map(concepts.map((c) => [c.id, c]));
  return (
    <div className="overflow-x-auto" role="region" aria-label={regionLabel} tabIndex={0}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">
          Each concept, weakest first: the chance you recall it now, its level, your answers, reviews, lapses and when it is next due
        </caption>
        <thead>
          <tr className="border-b border-border">
            <th scope="col" className="py-2 pr-3">Concept</th>
            <th scope="col" className="py-2 pr-3">Recall now</th>
            <th scope="col" className="py-2 pr-3">Level</th>
            <th scope="col" className="py-2 pr-3">Answers right</th>
            <th scope="col" className="py-2 pr-3">Reviews</th>
            <th scope="col" className="py-2 pr-3">Lapses</th>
            <th scope="col" className="py-2 pr-3">Next due</th>
            <th scope="col" className="py-2">Practise</th>
          </tr>
        </thead>
        <tbody>
          {mastery.map((m) => {
            const c = byId.get(m.id);
            const label = c?.label ?? m.id;
            const counts = answers.get(m.id);
            return (
              <tr key={m.id} className="border-b border-border align-top" data-concept={m.id}>
                <th scope="row" className="py-2 pr-3 font-normal">{label}</th>
                <td className="py-2 pr-3 whitespace-nowrap" data-testid="recall-now">
                  <meter min={0} max={100} value={Math.round((m.retrievability ?? 0) * 100)} aria-label={`${label}: recall now`} className="mr-1 w-16 align-middle" />
                  {recallText(m.retrievability)}
                </td>
                <td className={`py-2 pr-3 ${TONE[m.level]}`}>{MASTERY_LABELS[m.level]}</td>
                <td className="py-2 pr-3">{counts ? `${counts.right}/${counts.answers}` : '—'}</td>
                <td className="py-2 pr-3">{m.reps}</td>
                <td className="py-2 pr-3">{m.lapses}</td>
                <td className="py-2 pr-3 whitespace-nowrap">{m.due ? (new Date(m.due) <= now ? 'now' : `in ${formatInterval(now, m.due)}`) : '—'}</td>
                <td className="py-2">
                  {c && c.kinds.length > 0 ? (
                    <Link href={`/practice?difficulty=standard&count=5&kinds=${c.kinds.join(',')}`} className="text-accent underline" aria-label={`Practise ${label}`}>
                      Practise
                    </Link>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
