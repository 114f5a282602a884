/**
 * The one per-concept mastery table, on /progress and /review alike: the figure is FSRS's chance of recalling
 * the concept now (lib/learner/mastery.ts), the same figure /review schedules by. No hooks: the page passes
 * the record's mastery and answer counts.
 */
import Link from 'next/link';
import { formatInterval } from '@/lib/review';
import { MASTERY_LABELS, type AnswerCounts, type ConceptMastery, type MasteryLevel } from '@/lib/learner';
import { DataTable } from '@/app/_components/data-table';

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
  const rows = mastery.map((m) => {
    const c = byId.get(m.id);
    return { m, c, label: c?.label ?? m.id, counts: answers.get(m.id) };
  });
  return (
    <DataTable
      label={regionLabel}
      captionHidden
      caption="Mastery by concept, weakest first: the chance you recall it now, its level, your answers, reviews, lapses and when it is next due"
      rows={rows}
      rowKey={(r) => r.m.id}
      columns={[
        { header: 'Concept', cell: (r) => r.label },
        {
          header: 'Recall now',
          className: 'whitespace-nowrap',
          cell: ({ m, label }) => (
            <span data-testid="recall-now">
              <meter min={0} max={100} value={Math.round((m.retrievability ?? 0) * 100)} aria-label={`${label}: recall now`} className="mr-1 w-16 align-middle" />
              {recallText(m.retrievability)}
            </span>
          ),
        },
        { header: 'Level', cellClassName: ({ m }) => TONE[m.level], cell: ({ m }) => MASTERY_LABELS[m.level] },
        { header: 'Answers right', cell: ({ counts }) => (counts ? `${counts.right}/${counts.answers}` : '—') },
        { header: 'Reviews', cell: ({ m }) => m.reps },
        { header: 'Lapses', cell: ({ m }) => m.lapses },
        {
          header: 'Next due',
          className: 'whitespace-nowrap',
          cell: ({ m }) => (m.due ? (new Date(m.due) <= now ? 'now' : `in ${formatInterval(now, m.due)}`) : '—'),
        },
        {
          header: 'Practise',
          cell: ({ c, label }) =>
            c && c.kinds.length > 0 ? (
              <Link href={`/practice?difficulty=standard&count=5&kinds=${c.kinds.join(',')}`} className="text-accent underline" aria-label={`Practise ${label}`}>
                Practise
              </Link>
            ) : null,
        },
      ]}
    />
  );
}
