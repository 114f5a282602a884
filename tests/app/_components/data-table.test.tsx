/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import { DataTable, type DataColumn } from '@/app/_components/data-table';

interface Fruit {
  name: string;
  count: number;
}

const rows: Fruit[] = [
  { name: 'apple', count: 3 },
  { name: 'pear', count: 0 },
];
const columns: DataColumn<Fruit>[] = [
  { header: 'Fruit', cell: (f) => f.name },
  {
    header: 'Count',
    className: 'max-sm:hidden',
    cellClassName: (f) => (f.count ? 'text-ok' : 'text-bad'),
    title: (f) => `${f.count} left`,
    cell: (f) => f.count,
  },
];

describe('DataTable', () => {
  it('renders a captioned table: column headings, one row per item, the first cell its row header', () => {
    render(<DataTable caption="Fruit in stock" columns={columns} rows={rows} rowKey={(f) => f.name} />);
    const table = screen.getByRole('table', { name: 'Fruit in stock' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => [h.textContent, h.getAttribute('scope')]),
    ).toEqual([
      ['Fruit', 'col'],
      ['Count', 'col'],
    ]);
    const [, apple, pear, ...more] = within(table).getAllByRole('row');
    expect(more).toEqual([]);
    expect(within(apple!).getByRole('rowheader')).toHaveTextContent('apple');
    expect(within(apple!).getByRole('rowheader')).toHaveAttribute('scope', 'row');
    expect(
      within(pear!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['0']);
  });

  it('applies a column class to its heading and cells, and row-dependent classes and titles to each cell', () => {
    render(<DataTable caption="Fruit" columns={columns} rows={rows} rowKey={(f) => f.name} />);
    expect(screen.getByRole('columnheader', { name: 'Count' })).toHaveClass('max-sm:hidden');
    const [apple, pear] = screen.getAllByRole('cell');
    expect(apple).toHaveClass('max-sm:hidden', 'text-ok');
    expect(apple).toHaveAttribute('title', '3 left');
    expect(pear).toHaveClass('max-sm:hidden', 'text-bad');
    expect(pear).not.toHaveClass('text-ok');
  });

  it('puts the table in a focusable scroll region named by the caption, or by label when given', () => {
    const { unmount } = render(
      <DataTable caption="Fruit in stock" columns={columns} rows={rows} rowKey={(f) => f.name} />,
    );
    expect(screen.getByRole('region', { name: 'Fruit in stock' })).toHaveAttribute('tabindex', '0');
    unmount();
    render(
      <DataTable
        label="Stock (scrolls sideways)"
        caption="Fruit"
        captionHidden
        columns={columns}
        rows={rows}
        rowKey={(f) => f.name}
      />,
    );
    expect(screen.getByRole('region', { name: 'Stock (scrolls sideways)' })).toHaveAttribute('tabindex', '0');
    expect(screen.getByText('Fruit', { selector: 'caption' })).toHaveClass('sr-only');
  });

  it('keeps the header row when there are no rows', () => {
    render(<DataTable caption="Nothing" columns={columns} rows={[]} rowKey={(f) => f.name} />);
    expect(screen.getAllByRole('row')).toHaveLength(1);
  });
});
