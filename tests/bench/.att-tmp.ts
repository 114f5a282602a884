import { buildTroubleshooting, buildBase } from '@/lib/scenarios/kinds/troubleshooting';
import { Rng } from '@/lib/scenarios/random';
import { sessionSpecs } from '@/lib/scenarios';
let att = 0, q = 0, baseNull = 0, late = 0;
for (let i = 0; i < 100; i++) for (const spec of sessionSpecs({ seed: `bench-new-${i}`, kinds: ['troubleshooting'], difficulty: 'expert', count: 20 })) {
  for (let a = 0; a < 60; a++) { att++; const seed = `${spec.kind}|${spec.difficulty}|${spec.seed}${a ? `#${a}` : ''}`; const r = buildTroubleshooting(new Rng(seed), 'expert'); if (r) { q++; break; } if (!buildBase(new Rng(seed), 'expert')) baseNull++; else late++; }
}
console.log({ att, q, baseNull, late });
