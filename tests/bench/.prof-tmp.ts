import { generateSession } from '@/lib/scenarios';
import { correctAnswer, gradeAnswer } from '@/lib/grading';
const N = Number(process.env.N ?? 60);
function q(s: number[], p: number) { return s[Math.min(s.length - 1, Math.floor(p * s.length))]!; }
for (let i = 0; i < 10; i++) for (const x of generateSession({ seed: `warm-new-${i}`, kinds: ['troubleshooting'], difficulty: 'expert', count: 20 })) gradeAnswer(x, correctAnswer(x));
const gen: number[] = [], all: number[] = [];
for (let i = 0; i < N; i++) {
  const s = performance.now();
  const qs = generateSession({ seed: `bench-new-${i}`, kinds: ['troubleshooting'], difficulty: 'expert', count: 20 });
  const m = performance.now();
  for (const x of qs) gradeAnswer(x, correctAnswer(x));
  const e = performance.now();
  gen.push(m - s); all.push(e - s);
}
gen.sort((a, b) => a - b); all.sort((a, b) => a - b);
console.log(`generation p50 ${q(gen, .5).toFixed(1)} p95 ${q(gen, .95).toFixed(1)} | gen+grade p50 ${q(all, .5).toFixed(1)} p95 ${q(all, .95).toFixed(1)} ms`);
