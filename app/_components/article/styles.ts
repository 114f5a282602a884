import { DIAGRAM_CLASS as css } from '../cluster-diagram/classes';

export const tableClass = css.table;
export const cellClass = css.cell;
export const figureClass = `my-6 overflow-x-auto ${css.lazy}`;
export const lazyClass = css.lazy;
