import 'server-only';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { ATTEMPT_WRITE_RULES, DRILL_WRITE_RULES, rulesUnder, type AttemptTime, type DrillTime, type TimeCondition, type WriteRefusal, type WriteRule } from './policy';
import type { RevealPolicy } from './schemas';

/**
 * policy.ts's write rules as an SQL condition, for the statement that stores an answer without reading the
 * attempt first. Rendered from the same rule list `writeRefusal` evaluates, so both answer paths refuse alike
 * (tests/lib/drills/write-rule-sql.db.test.ts compares them over every combination of timestamps).
 */
export type TimeColumns = Readonly<Record<AttemptTime | DrillTime, SQLWrapper>>;

const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** `c` in SQL: true or false, never null (a null timestamp satisfies no condition, as in `holds`). */
export function conditionSql<F extends string>(c: TimeCondition<F>, columns: Readonly<Record<F, SQLWrapper>>, now: Date): SQL {
  if ('any' in c) return sql`(${sql.join(c.any.map((x) => conditionSql(x, columns, now)), sql` or `)})`;
  const col = columns[c.field];
  switch (c.is) {
    case 'set':
      return sql`(${col} is not null)`;
    case 'passed':
      return sql`(${col} is not null and ${col} < ${at(new Date(now.getTime() - c.graceMs))})`;
    case 'reached':
      return sql`(${col} is not null and ${col} <= ${at(now)})`;
    case 'ahead':
      return sql`(${col} is not null and ${col} > ${at(now)})`;
    case 'later': {
      const than = columns[c.than];
      return sql`(${col} is not null and (${than} is null or ${than} < ${col}))`;
    }
  }
}

/** True when no write rule refuses: the attempt (and its drill) accept a write at `now` under `policy`. */
export function writableSql(policy: RevealPolicy, columns: TimeColumns, now: Date): SQL {
  const rules: WriteRule<WriteRefusal, AttemptTime | DrillTime>[] = [...rulesUnder(ATTEMPT_WRITE_RULES, policy), ...rulesUnder(DRILL_WRITE_RULES, policy)];
  return sql`not (${sql.join(rules.map((r) => conditionSql(r.when, columns, now)), sql` or `)})`;
}
