/**
 * `npm run bench` (first half): how fast the engine answers, and how big it is in a browser.
 *
 * - evaluations per second for the seed layout (3 nodes, 4 Pods, Local) and for 50 nodes / 500 Pods (all default
 *   flows, with steps) under Cluster (every flow lists all 500 backends) and Local; targets ≥ 50,000/s and ≥ 500/s;
 * - next to each, a baseline loop over the same scenario (JSON.parse(JSON.stringify(scenario))) in the same run,
 *   so figures from different machines can be compared;
 * - the browser bundle of lib/engine/index.ts (esbuild, platform browser, minified): raw and gzip bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { evaluate, parseScenario, readScenarioText, type Scenario, type ScenarioInput } from '@/lib/engine';

const ROOT = process.cwd();
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);

function seedScenario(): Scenario {
  const r = readScenarioText(readFileSync(join(ROOT, 'content/scenarios/seed-uneven-local.yaml'), 'utf8'), 'yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

/** 50 nodes, 500 Pods placed unevenly (node i runs i % 21 Pods until 500 are placed), LoadBalancer. */
function bigScenario(policy: 'Cluster' | 'Local'): Scenario {
  const nodes = Array.from({ length: 50 }, (_, i) => ({ name: `node-${i}`, ip: `10.0.${Math.floor(i / 200)}.${(i % 200) + 10}`, podCIDR: `10.244.${i}.0/24` }));
  const pods: NonNullable<ScenarioInput['cluster']['pods']> = [];
  for (let round = 0; pods.length < 500; round++) {
    for (let i = 0; i < nodes.length && pods.length < 500; i++) {
      if (round < (i % 21) + 1) pods.push({ name: `web-${pods.length}`, node: `node-${i}`, ip: `10.244.${i}.${round + 10}`, labels: { app: 'web' } });
    }
  }
  const r = parseScenario({
    name: `50 nodes / 500 pods, ${policy}`,
    cluster: { clusterCIDR: '10.244.0.0/16', nodes, pods },
    service: {
      metadata: { name: 'web' },
      spec: { type: 'LoadBalancer', selector: { app: 'web' }, externalTrafficPolicy: policy, ports: [{ port: 80, targetPort: 8080 }] },
      status: { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } },
    },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

/** Runs `fn` repeatedly for about `seconds` (after a short warm-up) and returns calls per second. */
function rate(fn: () => unknown, seconds: number): number {
  const warmUntil = performance.now() + 300;
  while (performance.now() < warmUntil) fn();
  let calls = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  let now = start;
  while (now < end) {
    for (let i = 0; i < 16; i++) fn();
    calls += 16;
    now = performance.now();
  }
  return calls / ((now - start) / 1000);
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function benchScenario(label: string, scenario: Scenario, target: number): boolean {
  const flows = evaluate(scenario).flows;
  const backends = flows.reduce((n, f) => n + f.backends.length, 0);
  const evals = rate(() => evaluate(scenario), SECONDS);
  const baseline = rate(() => JSON.parse(JSON.stringify(scenario)), SECONDS);
  const ok = evals >= target;
  console.log(
    `${label.padEnd(34)} ${fmt(evals).padStart(9)} evaluations/s   (target ≥ ${fmt(target)}: ${ok ? 'met' : 'MISSED'})   ` +
      `baseline JSON round-trip ${fmt(baseline)}/s   ratio ${(evals / baseline).toFixed(2)}   [${flows.length} flows, ${backends} backends]`,
  );
  return ok;
}

async function bundleSize(): Promise<void> {
  const result = await build({
    entryPoints: [join(ROOT, 'lib/engine/index.ts')],
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    tsconfig: join(ROOT, 'tsconfig.json'),
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  console.log(`engine browser bundle (esbuild, minified): ${fmt(code.length)} bytes raw, ${fmt(gzipSync(code, { level: 9 }).length)} bytes gzip`);
}

async function main(): Promise<void> {
  console.log(`engine bench: ${SECONDS} s per figure, Node ${process.version}, single thread`);
  const results = [
    benchScenario('seed layout (3 nodes, 4 pods, Local)', seedScenario(), 50_000),
    benchScenario('50 nodes / 500 pods, Cluster', bigScenario('Cluster'), 500),
    benchScenario('50 nodes / 500 pods, Local', bigScenario('Local'), 500),
  ];
  await bundleSize();
  if (results.some((ok) => !ok)) console.log('engine bench: at least one target was missed');
}

main().catch((e: unknown) => {
  console.error(`engine bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exitCode = 1;
});
