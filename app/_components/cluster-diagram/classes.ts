/** Class names of the diagram's stylesheet (diagram.css, global: one stylesheet for every page). */
export const DIAGRAM_CLASS = {
  table: 'dg-table',
  cell: 'dg-cell',
  /** The figure's box: a size container that shows the row or the stack of nodes. */
  box: 'dg-box',
  svg: 'dg-svg',
} as const;

/** The box's class for `columns` node columns (1–7): the width from which the row of nodes shows. */
export const columnsClass = (columns: number) => `dg-cols${columns}`;
