/**
 * Practice benchmark (npm run bench, after engine.bench.ts). Prints, asserts nothing about time:
 *   1. 20-question sessions generated + graded: ms per session (target < 50 ms), questions per second;
 *   2. per kind: questions generated + graded per second;
 *   3. the self-test over PRACTICE_SELF_TEST_SEEDS seeds per kind (default 10,000; 0 skips it):
 *      correct → 1, wrong → < 1, garbage → invalid, exactly one correct option per choice field.
 *      Failures are printed and make the process exit 1.
 *   4. keyOf against an independent oracle (tests/lib/scenarios/oracle, no engine) for every kind, over
 *      ORACLE_SEEDS seeds per kind (default 10,000; 0 skips it): agreements and disagreements per kind are
 *      printed, a disagreement makes the process exit 1.
 *   5. issue 13: per new kind, a 20-question expert session of that kind alone generated + graded (target p95 < 50 ms).
 * BENCH_KINDS=in-cluster,… limits 2–5 to those kinds.
 */
import { DIFFICULTIES, generateQuestion, generateSession, QUESTION_KINDS, type Question, type QuestionKind } from '@/lib/scenarios';
import { correctAnswer, gradeAnswer, invalidAnswer, wrongAnswer } from '@/lib/grading';
import { agreement, KEYED_KINDS } from '../lib/scenarios/oracle';
import { agreement as externalAgreement, ORACLE_KINDS } from '../lib/scenarios/oracle/agreement';

const ONLY = process.env.BENCH_KINDS ? new Set(process.env.BENCH_KINDS.split(',')) : null;
const KINDS: QuestionKind[] = QUESTION_KINDS.filter((k) => !ONLY || ONLY.has(k));
/** The kinds issue 13 adds: each is timed alone in an expert session. */
const NEW_KINDS: QuestionKind[] = (['in-cluster', 'session-affinity', 'topology', 'dns', 'read-rules', 'troubleshooting'] as QuestionKind[]).filter((k) => KINDS.includes(k));

function gradeAll(qs: Question[]): void {
  for (const q of qs) {
    gradeAnswer(q, correctAnswer(q));
  }
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

function sessions(): void {
  // Warm-up (JIT) over every difficulty first, so the first one measured is not penalised.
  for (let i = 0; i < 30; i++) gradeAll(generateSession({ seed: `warm-${i}`, kinds: [...QUESTION_KINDS], difficulty: DIFFICULTIES[i % 3] ?? 'intro', count: 20 }));
  for (const difficulty of DIFFICULTIES) {
    const times: number[] = [];
    const runs = 60;
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      gradeAll(generateSession({ seed: `bench-${i}`, kinds: [...QUESTION_KINDS], difficulty, count: 20 }));
      times.push(performance.now() - s);
    }
    const total = performance.now() - t0;
    times.sort((a, b) => a - b);
    console.log(
      `practice  20-question session (${difficulty.padEnd(8)}) generated+graded: min ${(times[0] ?? NaN).toFixed(1)} ms, mean ${(total / runs).toFixed(1)} ms, p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms  (target < 50 ms) → ${Math.round((runs * 20 * 1000) / total)} questions/s`,
    );
  }
}

function perKind(): void {
  for (const kind of KINDS) {
    const n = 300;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const q = generateQuestion({ kind, difficulty: DIFFICULTIES[i % 3] ?? 'intro', seed: `kind-${i}` });
      gradeAnswer(q, correctAnswer(q));
    }
    const ms = performance.now() - t0;
    console.log(`practice  ${kind.padEnd(15)} ${Math.round((n * 1000) / ms).toString().padStart(6)} questions/s generated+graded (${(ms / n).toFixed(2)} ms each)`);
  }
}

function selfTest(seeds: number): number {
  let failures = 0;
  for (const kind of KINDS) {
    const t0 = performance.now();
    const bad: string[] = [];
    for (let i = 0; i < seeds; i++) {
      const q = generateQuestion({ kind, difficulty: DIFFICULTIES[i % 3] ?? 'intro', seed: `self-test-${i}` });
      const c = gradeAnswer(q, correctAnswer(q));
      if (c.status !== 'graded' || c.score !== 1) bad.push(`${q.id}: correct answer scored ${JSON.stringify(c).slice(0, 120)}`);
      const w = gradeAnswer(q, wrongAnswer(q));
      if (w.status !== 'graded' || w.score >= 1) bad.push(`${q.id}: wrong answer scored ${w.status === 'graded' ? w.score : w.status}`);
      const g = gradeAnswer(q, invalidAnswer(q));
      if (g.status !== 'invalid') bad.push(`${q.id}: garbage was graded`);
      if (!q.key.fixIt) {
        const base = correctAnswer(q);
        for (const f of q.response.fields) {
          if (f.type !== 'choice') continue;
          const right = f.options.filter((o) => {
            const r = gradeAnswer(q, { ...base, [f.name]: o.value });
            return r.status === 'graded' && r.parts.find((p) => p.field === f.label)?.score === 1;
          }).length;
          if (right !== 1) bad.push(`${q.id} ${f.name}: ${right} correct options`);
        }
      }
    }
    failures += bad.length;
    console.log(`self-test ${kind.padEnd(15)} ${seeds} seeds: ${bad.length === 0 ? 'all pass' : `${bad.length} FAILURES`} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    for (const b of bad.slice(0, 5)) console.log(`          ${b}`);
  }
  return failures;
}

/**
 * 4. Issue 12 item 14: for the kinds whose key comes from the engine answer, the key (keyOf) against an
 *    independent oracle written from the rules (tests/lib/scenarios/oracle), over ORACLE_SEEDS seeds per kind
 *    (default 10,000; 0 skips it). Disagreements are printed and make the process exit 1.
 */
function oracleAgreement(seeds: number): number {
  let failures = 0;
  for (const k of KEYED_KINDS.filter((x) => KINDS.includes(x.kind as QuestionKind))) {
    const t0 = performance.now();
    const { agree, disagree } = agreement(k, seeds, 'bench-oracle');
    failures += disagree.length;
    console.log(`oracle    ${k.kind.padEnd(15)} ${seeds} seeds: ${agree} agree, ${disagree.length} disagree (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    for (const d of disagree.slice(0, 5)) console.log(`          ${d}`);
  }
  return failures;
}

/** 5. Per new kind: 20-question expert sessions of that kind alone, generated + graded. */
function newKindSessions(): void {
  for (const kind of NEW_KINDS) {
    for (let i = 0; i < 10; i++) gradeAll(generateSession({ seed: `warm-new-${i}`, kinds: [kind], difficulty: 'expert', count: 20 }));
    const times: number[] = [];
    for (let i = 0; i < 60; i++) {
      const s = performance.now();
      gradeAll(generateSession({ seed: `bench-new-${i}`, kinds: [kind], difficulty: 'expert', count: 20 }));
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    console.log(
      `practice  ${kind.padEnd(15)} 20-question expert session generated+graded: p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms (target p95 < 50 ms)`,
    );
  }
}

if (!ONLY) sessions();
perKind();
newKindSessions();
const seeds = Number(process.env.PRACTICE_SELF_TEST_SEEDS ?? 10000);
if (seeds > 0 && selfTest(seeds) > 0) process.exitCode = 1;

/** The kinds checked against the external-traffic model (external-model.ts). */
function externalOracleAgreement(n: number): number {
  let disagreements = 0;
  for (const kind of ORACLE_KINDS) {
    const t0 = performance.now();
    const a = externalAgreement(kind, n, 'bench-oracle');
    disagreements += a.disagreements;
    console.log(
      `oracle    ${kind.padEnd(15)} ${n} seeds: ${a.agreements} agreements, ${a.disagreements} disagreements (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    for (const e of a.examples) console.log(`          ${e}`);
  }
  return disagreements;
}

const oracleSeeds = Number(process.env.ORACLE_SEEDS ?? process.env.PRACTICE_ORACLE_SEEDS ?? 10000);
if (oracleSeeds > 0 && oracleAgreement(oracleSeeds) + externalOracleAgreement(oracleSeeds) > 0) process.exitCode = 1;
