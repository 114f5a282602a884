/** @jest-environment node */
/**
 * Issue 17 item 3: the drill answer path states its rules once. policy.ts's write rules are evaluated in
 * TypeScript (`writeRefusal`, the locked path) and rendered as SQL (`writableSql`, the one-statement path);
 * here both judge every combination of the timestamps they speak of, boundaries included, under every reveal
 * policy, and must agree.
 */
import { sql } from 'drizzle-orm';
import { resultRows } from '@/lib/db';
import { REVEAL_POLICIES, writeRefusal, type AttemptWriteState, type DrillTimes } from '@/lib/drills';
import { writableSql, type TimeColumns } from '@/lib/drills/write-rule-sql';
import { z } from 'zod';
import { at, T0, TEST_BACKEND, suiteDatabase } from '../../support/drill-database';

const handle = suiteDatabase();
const now = at(100);
const ms = (offset: number) => new Date(now.getTime() + offset);

type State = AttemptWriteState & DrillTimes;
const FIELDS = ['submittedAt', 'deadline', 'keySeenAt', 'answersReopenedAt', 'opensAt', 'closesAt', 'closedAt'] as const;

/** Every combination: unset, well before, at and around each rule's boundary (the 2 s grace), well after. */
function states(): State[] {
  const out: State[] = [];
  for (const submittedAt of [null, T0])
    for (const deadline of [null, ms(-3000), ms(-2000), ms(-1999), ms(-1000), ms(1000)])
      for (const [keySeenAt, answersReopenedAt] of [[null, null], [at(10), null], [at(10), at(5)], [at(10), at(10)], [at(10), at(20)], [null, at(20)]] as const)
        for (const closedAt of [null, at(50)])
          for (const closesAt of [null, ms(-1), now, ms(1)])
            for (const opensAt of [null, ms(-1), now, ms(1)]) out.push({ submittedAt, deadline, keySeenAt, answersReopenedAt, opensAt, closesAt, closedAt });
  return out;
}

const COLUMNS: TimeColumns = {
  submittedAt: sql.raw('v.submitted_at'),
  deadline: sql.raw('v.deadline'),
  keySeenAt: sql.raw('v.key_seen_at'),
  answersReopenedAt: sql.raw('v.answers_reopened_at'),
  opensAt: sql.raw('v.opens_at'),
  closesAt: sql.raw('v.closes_at'),
  closedAt: sql.raw('v.closed_at'),
};

const literal = (d: Date | null) => (d ? `'${d.toISOString()}'::timestamptz` : 'null::timestamptz');

describe(`write rules: SQL and TypeScript agree (${TEST_BACKEND})`, () => {
  const all = states();

  it.each(REVEAL_POLICIES)('under %s, for every combination of timestamps', async (policy) => {
    const values = all.map((s, i) => `(${i}, ${FIELDS.map((f) => literal(s[f])).join(', ')})`).join(',\n');
    const result = await handle.db.execute(sql`
      select v.i as i, ${writableSql(policy, COLUMNS, now)} as writable
      from (values ${sql.raw(values)}) as v(i, submitted_at, deadline, key_seen_at, answers_reopened_at, opens_at, closes_at, closed_at)
      order by v.i`);
    const rows = resultRows(result, z.object({ i: z.coerce.number(), writable: z.boolean() }));
    expect(rows).toHaveLength(all.length);
    const disagreements = rows.filter((r) => r.writable !== (writeRefusal(policy, all[r.i]!, all[r.i]!, now) === null));
    expect(disagreements.map((r) => ({ state: all[r.i], sql: r.writable }))).toEqual([]);
    // The grid reaches both answers and every reason (a grid that only ever says "no" proves nothing).
    const reasons = new Set(all.map((s) => writeRefusal(policy, s, s, now)));
    expect(reasons).toEqual(new Set([null, 'submitted', 'time-up', 'closed', 'scheduled', ...(policy === 'after-answer' ? [] : ['key-seen'])]));
  });
});
