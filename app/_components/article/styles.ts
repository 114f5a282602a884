import { DIAGRAM_CLASS as css } from '../cluster-diagram/classes';
import { RENDER_LATER } from '../render-later/class-names';

export const tableClass = css.table;
export const cellClass = css.cell;
export const figureClass = `my-6 overflow-x-auto ${RENDER_LATER}`;
