/**
 * Reviews per day as an SVG bar chart (recalled below, forgotten on top), with a text summary and a
 * table as the text equivalent. No hooks: server or client.
 */
import type { DayCount } from '@/lib/review';

const W = 600;
const H = 160;
const PAD = { top: 10, right: 8, bottom: 22, left: 28 };

function shortDay(day: string): string {
  const [, m, d] = day.split('-');
  return `${Number(d)}/${Number(m)}`;
}

export function historySummary(counts: DayCount[]): string {
  const total = counts.reduce((n, c) => n + c.total, 0);
  if (total === 0) return `No reviews in the last ${counts.length} days.`;
  const active = counts.filter((c) => c.total > 0).length;
  const again = counts.reduce((n, c) => n + c.again, 0);
  const busiest = counts.reduce((a, b) => (b.total > a.total ? b : a));
  return `${total} review${total === 1 ? '' : 's'} on ${active} of the last ${counts.length} days; ${again} rated Again. Busiest day ${busiest.day} with ${busiest.total}.`;
}

export function HistoryChart({ counts, id = 'history' }: { counts: DayCount[]; id?: string }) {
  const max = Math.max(1, ...counts.map((c) => c.total));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = innerW / Math.max(1, counts.length);
  const barW = Math.max(2, slot * 0.7);
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const summary = historySummary(counts);
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
        <title id={`${id}-title`}>Reviews per day, last {counts.length} days</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} className="stroke-border" />
        <text x={PAD.left - 4} y={y(max) + 4} textAnchor="end" className="fill-muted text-[10px]">
          {max}
        </text>
        <text x={PAD.left - 4} y={y(0)} textAnchor="end" className="fill-muted text-[10px]">
          0
        </text>
        {counts.map((c, i) => {
          const x = PAD.left + i * slot + (slot - barW) / 2;
          return (
            <g key={c.day}>
              {c.recalled > 0 ? <rect x={x} width={barW} y={y(c.recalled)} height={y(0) - y(c.recalled)} className="fill-ok" /> : null}
              {c.again > 0 ? <rect x={x} width={barW} y={y(c.total)} height={y(c.recalled) - y(c.total)} className="fill-bad" /> : null}
              {i % 7 === counts.length % 7 || i === counts.length - 1 ? (
                <text x={x + barW / 2} y={H - 6} textAnchor="middle" className="fill-muted text-[10px]">
                  {shortDay(c.day)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
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
                  <th scope="row" className="py-1 pr-3 font-normal">{c.day}</th>
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
