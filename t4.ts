import { draw, KEYED_KINDS } from './tests/lib/scenarios/oracle';
import type { ReadRulesAsk } from '@/lib/scenarios/kinds/read-rules';
const k = KEYED_KINDS.find((x) => x.kind === 'read-rules')!;
const tally = new Map<string, number>();
const ex = new Map<string, string>();
for (const d of ['standard', 'expert'] as const) for (let i = 0; i < 1500; i++) {
  const { draft, ask } = draw(k, d, `t-${i}`);
  const a = ask as ReadRulesAsk;
  const m = draft.scenario.cluster.proxyMode;
  const key = k.keyOf(draft.scenario, ask as never);
  const t = `${m} ${a.question} ${a.from.split('/')[0]}->${a.to} ${JSON.stringify(key)}`;
  if (a.question === 'masquerade' || a.question === 'verdict' || a.question === 'owner') { tally.set(t, (tally.get(t) ?? 0) + 1); if (!ex.has(t)) ex.set(t, `${d} t-${i}`); }
}
for (const [t, n] of [...tally].sort()) console.log(n, t, ex.get(t));
