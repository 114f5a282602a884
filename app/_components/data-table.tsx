import { useId, type ReactNode } from 'react';

/**
 * The app's one data table: a caption, a header row of column headings, one row per item whose first column is
 * the row's header, inside a region that scrolls sideways on narrow screens and takes keyboard focus so it can
 * be scrolled without a mouse (axe: scrollable-region-focusable). The region is named by `label`, or by the
 * caption when there is no label. Server- and client-renderable (only useId).
 */
export interface DataColumn<Row> {
  /** The column heading. */
  header: ReactNode;
  /** The cell for a row (for the first column: the row header's content). */
  cell: (row: Row) => ReactNode;
  /** Classes for the heading and every cell of the column, e.g. `max-sm:hidden` or `text-center`. */
  className?: string;
  /** Classes for one cell that depend on the row, e.g. a colour for its state. */
  cellClassName?: (row: Row) => string;
  /** A tooltip for one cell. */
  title?: (row: Row) => string | undefined;
  /** A React key, when headings are not unique strings. */
  key?: string;
}

export interface DataTableProps<Row> {
  caption: ReactNode;
  /** Keep the caption for screen readers only. */
  captionHidden?: boolean;
  /** The scroll region's accessible name; without it the caption names it. */
  label?: string;
  columns: readonly DataColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** Extra classes for the scroll region (spacing). */
  className?: string;
}

const join = (...classes: (string | undefined)[]) => classes.filter(Boolean).join(' ');
const PAD = 'py-2 pr-3 last:pr-0';

export function DataTable<Row>({
  caption,
  captionHidden,
  label,
  columns,
  rows,
  rowKey,
  className,
}: DataTableProps<Row>) {
  const captionId = useId();
  const [head, ...rest] = columns;
  if (!head) throw new Error('DataTable needs at least one column');
  return (
    <div
      className={join('overflow-x-auto', className)}
      role="region"
      {...(label ? { 'aria-label': label } : { 'aria-labelledby': captionId })}
      tabIndex={0}
    >
      <table className="w-full border-collapse text-left text-sm">
        <caption id={captionId} className={captionHidden ? 'sr-only' : 'mb-2 text-left font-semibold'}>
          {caption}
        </caption>
        <thead>
          <tr className="border-b border-border">
            {columns.map((c, i) => (
              <th
                key={c.key ?? (typeof c.header === 'string' ? c.header : i)}
                scope="col"
                className={join(PAD, c.className)}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-b border-border align-top">
              <th
                scope="row"
                className={join(PAD, 'text-left font-normal', head.className, head.cellClassName?.(row))}
                title={head.title?.(row)}
              >
                {head.cell(row)}
              </th>
              {rest.map((c, i) => (
                <td
                  key={c.key ?? (typeof c.header === 'string' ? c.header : i)}
                  className={join(PAD, c.className, c.cellClassName?.(row))}
                  title={c.title?.(row)}
                >
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
