import { z } from 'zod';

const withRows = z.object({ rows: z.array(z.unknown()) });

/**
 * The rows of a raw `db.execute(sql…)` result, whichever driver answered (node-postgres and PGlite both
 * return `{ rows }`), checked rather than cast; `row` checks each row when given.
 */
export function resultRows(result: unknown): unknown[];
export function resultRows<T>(result: unknown, row: z.ZodType<T>): T[];
export function resultRows<T>(result: unknown, row?: z.ZodType<T>): unknown[] | T[] {
  const { rows } = withRows.parse(result);
  return row ? z.array(row).parse(rows) : rows;
}
