/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import { HistoryChart, historySummary } from '@/app/review/_components/history-chart';
import { dailyCounts, type HistoryEntry } from '@/lib/review';

/** The learner's locale, medium date: computed here from Date, independently of app/_components/dates. */
const local = (y: number, m: number, d: number) => new Date(y, m - 1, d).toLocaleDateString(undefined, { dateStyle: 'medium' });

const entry = (day: string, rating: HistoryEntry['rating']): HistoryEntry => ({ at: `${day}T10:00:00.000Z`, day, type: 'concept', id: 'c', rating, score: null, seed: null, kind: null, source: 'review' });

describe('history chart', () => {
  const history = [entry('2026-03-08', 'good'), entry('2026-03-08', 'again'), entry('2026-03-10', 'easy'), entry('2026-01-01', 'good')];
  const counts = dailyCounts(history, '2026-03-10', 7);

  it('counts per day within the window, splitting Again from the rest', () => {
    expect(counts).toHaveLength(7);
    expect(counts.find((c) => c.day === '2026-03-08')).toEqual({ day: '2026-03-08', total: 2, again: 1, recalled: 1 });
    expect(counts.reduce((n, c) => n + c.total, 0)).toBe(3);
  });

  it.each([
    [[], 'No reviews in the last 7 days.'],
    [[entry('2026-03-10', 'again')], `1 review on 1 of the last 7 days; 1 rated Again. Busiest day ${local(2026, 3, 10)} with 1.`],
  ])('summarises %j in words', (h, text) => {
    expect(historySummary(dailyCounts(h, '2026-03-10', 7))).toBe(text);
  });

  it('draws one bar segment per non-empty part and offers the same data as a table', () => {
    render(<HistoryChart counts={counts} id="h" />);
    const img = screen.getByRole('img', { name: 'Reviews per day, last 7 days' });
    expect(img).toHaveAccessibleDescription(`3 reviews on 2 of the last 7 days; 1 rated Again. Busiest day ${local(2026, 3, 8)} with 2.`);
    expect(img.querySelectorAll('rect.fill-ok')).toHaveLength(2);
    expect(img.querySelectorAll('rect.fill-bad')).toHaveLength(1);
    const rows = within(screen.getByRole('table', { name: 'Reviews per day' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([`${local(2026, 3, 8)}211`, `${local(2026, 3, 10)}110`]);
  });
});
