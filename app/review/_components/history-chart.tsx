/**
 * Reviews per day as an SVG bar chart (recalled below, forgotten on top), with a text summary and a
 * table as the text equivalent. No hooks: server or client.
 * The bars scale with the page; the axis labels are HTML text under and beside them, so they stay
 * readable at 375 px (SVG text would shrink with the bars). Dates in the learner's locale (app/_components/dates).
 */
import { formatDay, formatDayShort } from '@/app/_components/dates';
import type { DayCount } from '@/lib/review';

const W = 600;
const H = 128;
const PAD = { top: 4, bottom: 0 };

export function historySummary(counts: DayCount[]): string {
  const total = counts.reduce((n, c) => n + c.total, 0);
  if (total === 0) return `No reviews in the last ${counts.length} days.`;
  const active = counts.filter((c) => c.total > 0).length;
  const again = counts.reduce((n, c) => n + c.again, 0);
  const busiest = counts.reduce((a, b) => (b.total > a.total ? b : a));
  return `${total} review${total === 1 ? '' : 's'} on ${active} of the last ${counts.length} days; ${again} rated Again. Busiest day ${formatDay(busiest.day)} with ${busiest.total}.`;
}

export function HistoryChart({ counts, id = 'history' }: { counts: DayCount[]; id?: string }) {
  const max = Math.max(1, ...counts.map((c) => c.total));
  const innerW = W;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = innerW / Math.max(1, counts.length);
  const barW = Math.max(2, slot * 0.7);
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const summary = historySummary(counts);
  return (
    <figure>
      <div className="flex gap-1">
        <div className="flex w-6 shrink-0 flex-col justify-between pb-5 text-right text-xs text-muted" aria-hidden="true">
          <span>{max}</span>
          <span>0</span>
        </div>
        <div className="min-w-0 flex-1">
          <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" className="h-32 w-full" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
            <title id={`${id}-title`}>Reviews per day, last {counts.length} days</title>
            <desc id={`${id}-desc`}>{summary}</desc>
            <line x1={0} x2={W} y1={y(0)} y2={y(0)} className="stroke-border" vectorEffect="non-scaling-stroke" />
            {counts.map((c, i) => {
              const x = i * slot + (slot - barW) / 2;
              return (
                <g key={c.day}>
                  {c.recalled > 0 ? <rect x={x} width={barW} y={y(c.recalled)} height={y(0) - y(c.recalled)} className="fill-ok" /> : null}
                  {c.again > 0 ? <rect x={x} width={barW} y={y(c.total)} height={y(c.recalled) - y(c.total)} className="fill-bad" /> : null}
                </g>
              );
            })}
          </svg>
          <div className="relative h-5 text-xs text-muted" aria-hidden="true">
            {counts.map((c, i) =>
              i % 7 === counts.length % 7 || i === counts.length - 1 ? (
                <span key={c.day} className="absolute top-0 -translate-x-1/2 whitespace-nowrap" style={{ left: `${((i + 0.5) / counts.length) * 100}%` }}>
                  {formatDayShort(c.day)}
                </span>
              ) : null,
            )}
          </div>
        </div>
      </div>
      <figcaption className="mt-2 text-sm">
        <span className="mr-3 inline-flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-3 w-3 bg-ok" /> recalled (Hard, Good, Easy)
        </span>
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-3 w-3 bg-bad" /> forgotten (Again)
        </span>
        <p className="mt-1">{summary}</p>
      </figcaption>
      <details className="mt-2">
        <summary className="cursor-pointer">Show the history as a table</summary>
        <table className="mt-2 w-full text-left text-sm">
          <caption className="sr-only">Reviews per day</caption>
          <thead>
            <tr className="border-b border-border">
              <th scope="col" className="py-1 pr-3">Day</th>
              <th scope="col" className="py-1 pr-3">Reviews</th>
              <th scope="col" className="py-1 pr-3">Recalled</th>
              <th scope="col" className="py-1">Again</th>
            </tr>
          </thead>
          <tbody>
            {counts
              .filter((c) => c.total > 0)
              .map((c) => (
                <tr key={c.day} className="border-b border-border">
                  <th scope="row" className="py-1 pr-3 font-normal">{formatDay(c.day)}</th>
                  <td className="py-1 pr-3">{c.total}</td>
                  <td className="py-1 pr-3">{c.recalled}</td>
                  <td className="py-1">{c.again}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
