/** keyOf agrees with the independent oracle (no engine) on 300 generated questions per kind (10,000 in npm run bench). */
import { agreement, ORACLE_KINDS } from './agreement';

const SEEDS = Number(process.env.ORACLE_SEEDS ?? 300);

it.each(ORACLE_KINDS)('%s: keyOf and the oracle agree', (kind) => {
  const a = agreement(kind, SEEDS);
  expect(a.examples).toEqual([]);
  expect(a.agreements).toBeGreaterThanOrEqual(SEEDS);
});
