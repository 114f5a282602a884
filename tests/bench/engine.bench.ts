/**
 * `npm run bench` (first half): how fast the engine answers, and how big it is in a browser.
 *
 * - evaluations per second for the seed layout (3 nodes, 4 Pods, Local) and for 50 nodes / 500 Pods (all default
 *   flows, with steps) under Cluster (every flow lists all 500 backends) and Local; targets ≥ 50,000/s and ≥ 500/s;
 * - timed on the engine as it ships: bundled by esbuild (as Next and the browser get it), not through tsx, whose
 *   per-import getters would add a cost no user pays;
 * - next to each, a baseline loop over the same scenario (JSON.parse(JSON.stringify(scenario))) in the same run,
 *   so figures from different machines can be compared;
 * - the browser bundle of lib/engine/index.ts (esbuild, platform browser, minified): raw and gzip bytes; and of
 *   `evaluate` alone, since the public face also carries the scenario reader (zod, yaml);
 * - kube-proxy's iptables, nftables and IPVS rules (every printed form) rendered for each node of the 50-node / 500-Pod layout (lib/engine/rules): the
 *   median time per node (target < 20 ms), beside the median of the same baseline round-trip.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { parseScenario, type Answer, type Scenario, type ScenarioInput } from '@/lib/engine';
import { readScenarioText } from '@/lib/engine/text';

type Evaluate = (scenario: Scenario) => Answer;
type RenderIptables = (scenario: Scenario, node: string) => { text: string };

/** `evaluate` bundled by esbuild for Node (ESM, minified like a production build) and loaded from a temp file. */
async function shippedEvaluate(): Promise<Evaluate> {
  return (await shipped<{ evaluate: Evaluate }>("export { evaluate } from './lib/engine/evaluate';")).evaluate;
}

/** An entry bundled by esbuild for Node (ESM, minified like a production build), loaded from a temp file. */
async function shipped<M>(contents: string): Promise<M> {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    tsconfig: join(ROOT, 'tsconfig.json'),
  });
  const file = join(mkdtempSync(join(os.tmpdir(), 'engine-bench-')), 'engine.mjs');
  writeFileSync(file, result.outputFiles[0]?.contents ?? '');
  return (await import(pathToFileURL(file).href)) as M;
}

const ROOT = process.cwd();
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);

function seedScenario(): Scenario {
  const r = readScenarioText(readFileSync(join(ROOT, 'content/scenarios/seed-uneven-local.yaml'), 'utf8'), 'yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

/** 50 nodes and 500 Pods placed unevenly (5 to 16 per node), behind a LoadBalancer Service. */
function bigScenario(policy: 'Cluster' | 'Local'): Scenario {
  const nodes = Array.from({ length: 50 }, (_, i) => ({ name: `node-${i}`, ip: `10.0.0.${i + 10}`, podCIDR: `10.244.${i}.0/24` }));
  const counts = nodes.map((_, i) => 5 + (i % 11));
  for (let i = 0; counts.reduce((a, b) => a + b, 0) < 500; i++) counts[i % counts.length]! += 1;
  const pods: NonNullable<ScenarioInput['cluster']['pods']> = counts.flatMap((count, i) =>
    Array.from({ length: count }, (_, k) => ({ name: `web-${i}-${k}`, node: `node-${i}`, ip: `10.244.${i}.${k + 10}`, labels: { app: 'web' } })),
  );
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

/**
 * Runs `fn` repeatedly for about `seconds` of this process's CPU time (after a short warm-up) and returns calls
 * per CPU-second, i.e. per core: the machine is shared, so wall-clock rates would measure the neighbours.
 * CPU time includes the GC's helper threads, so the figure is, if anything, low.
 */
function rate(fn: () => unknown, seconds: number): { perCpuSecond: number; perWallSecond: number } {
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const warmUntil = cpu() + 0.3;
  while (cpu() < warmUntil) fn();
  let calls = 0;
  const cpuStart = cpu();
  const wallStart = performance.now();
  let cpuNow = cpuStart;
  while (cpuNow - cpuStart < seconds) {
    for (let i = 0; i < 16; i++) fn();
    calls += 16;
    cpuNow = cpu();
  }
  return { perCpuSecond: calls / (cpuNow - cpuStart), perWallSecond: calls / ((performance.now() - wallStart) / 1000) };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function benchScenario(evaluate: Evaluate, label: string, scenario: Scenario, target: number): boolean {
  const flows = evaluate(scenario).flows;
  const backends = flows.reduce((n, f) => n + f.backends.length, 0);
  const evals = rate(() => evaluate(scenario), SECONDS);
  const baseline = rate(() => JSON.parse(JSON.stringify(scenario)), SECONDS);
  const ok = evals.perCpuSecond >= target;
  console.log(
    `${label.padEnd(38)} ${fmt(evals.perCpuSecond).padStart(8)} evaluations/s per core (wall ${fmt(evals.perWallSecond)}/s; target ≥ ${fmt(target)}: ${ok ? 'met' : 'MISSED'})   ` +
      `baseline JSON round-trip ${fmt(baseline.perCpuSecond)}/s per core   ratio ${(evals.perCpuSecond / baseline.perCpuSecond).toFixed(2)}   [${flows.length} flows, ${backends} backends]`,
  );
  return ok;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Median CPU and wall milliseconds per call of `fn` over `rounds` batches of `batch` calls (after one warm-up
 * batch): CPU time, as the rates above, because the machine is shared.
 */
function medianMs(fn: (i: number) => unknown, batch: number, rounds: number): { cpu: number; wall: number } {
  for (let i = 0; i < batch; i++) fn(i);
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const c = cpuMs();
    const w = performance.now();
    for (let i = 0; i < batch; i++) fn(i);
    cpu.push((cpuMs() - c) / batch);
    wall.push((performance.now() - w) / batch);
  }
  return { cpu: median(cpu), wall: median(wall) };
}

/** kube-proxy's iptables rules for every node of a layout: median CPU time per node against a 20 ms target. */
function benchRules(render: RenderIptables, label: string, scenario: Scenario): boolean {
  const nodes = scenario.cluster.nodes.map((n) => n.name);
  const rounds = Math.max(5, Math.round(SECONDS * 5));
  const rules = medianMs((i) => render(scenario, nodes[i % nodes.length]!), nodes.length, rounds);
  const baseline = medianMs(() => JSON.parse(JSON.stringify(scenario)), nodes.length, rounds);
  const lines = render(scenario, nodes[0]!).text.split('\n').length;
  const ok = rules.cpu < 20;
  console.log(
    `${label.padEnd(45)} ${rules.cpu.toFixed(2).padStart(6)} ms per node, median (wall ${rules.wall.toFixed(2)} ms; target < 20 ms: ${ok ? 'met' : 'MISSED'})   ` +
      `baseline JSON round-trip ${baseline.cpu.toFixed(2)} ms   ratio ${(rules.cpu / baseline.cpu).toFixed(2)}   [${nodes.length} nodes, ${lines} lines on ${nodes[0]}]`,
  );
  return ok;
}

/** Bundles an entry for the browser (esbuild, minified) and prints raw and gzip bytes and the packages inside. */
async function bundleSize(label: string, contents: string): Promise<void> {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    tsconfig: join(ROOT, 'tsconfig.json'),
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const inputs = Object.keys(Object.values(result.metafile.outputs)[0]?.inputs ?? {});
  const packages = [...new Set(inputs.filter((f) => f.includes('node_modules/')).map((f) => f.split('node_modules/')[1]?.split('/')[0]))];
  console.log(
    `${label.padEnd(52)} ${fmt(code.length).padStart(9)} bytes raw, ${fmt(gzipSync(code, { level: 9 }).length).padStart(8)} bytes gzip   [packages: ${packages.join(', ')}]`,
  );
}

async function main(): Promise<void> {
  console.log(`engine bench: ${SECONDS} CPU-s per figure, Node ${process.version}, single thread, load average ${os.loadavg()[0]?.toFixed(1)}`);
  const evaluate = await shippedEvaluate();
  const results = [
    benchScenario(evaluate, 'seed layout (3 nodes, 4 pods, Local)', seedScenario(), 50_000),
    benchScenario(evaluate, '50 nodes / 500 pods, Cluster', bigScenario('Cluster'), 500),
    benchScenario(evaluate, '50 nodes / 500 pods, Local', bigScenario('Local'), 500),
  ];
  const rules = await shipped<{ renderIptables: RenderIptables; renderNftables: RenderIptables }>("export { renderIptables, renderNftables } from './lib/engine/rules';");
  results.push(benchRules(rules.renderIptables, 'iptables rules, 50 nodes / 500 pods, Cluster', bigScenario('Cluster')));
  results.push(benchRules(rules.renderIptables, 'iptables rules, 50 nodes / 500 pods, Local', bigScenario('Local')));
  results.push(benchRules(rules.renderNftables, 'nftables rules, 50 nodes / 500 pods, Cluster', bigScenario('Cluster')));
  // Every mode and printed form (lib/engine/rules/render.ts): iptables-save, nft list table, IPVS.
  const { rulesText } = await shipped<{ rulesText: (s: Scenario, node: string, mode: string, format?: string) => { text: string } }>(
    "export { rulesText } from './lib/engine/rules';",
  );
  const as = (mode: string, format?: string): RenderIptables => (s, node) => rulesText(s, node, mode, format);
  for (const policy of ['Cluster', 'Local'] as const) {
    results.push(benchRules(as('iptables', 'save'), `iptables-save, 50 nodes / 500 pods, ${policy}`, bigScenario(policy)));
    results.push(benchRules(as('nftables', 'list'), `nft list table, 50 nodes / 500 pods, ${policy}`, bigScenario(policy)));
    results.push(benchRules(as('ipvs'), `ipvs (ipvsadm, ipset, iptables), 50 n / 500 p, ${policy}`, bigScenario(policy)));
  }
  await bundleSize('browser bundle: lib/engine/index.ts (everything)', "export * from './lib/engine';");
  await bundleSize('browser bundle: evaluate only (lib/engine/evaluate)', "export { evaluate } from './lib/engine/evaluate';");
  if (results.some((ok) => !ok)) console.log('engine bench: at least one target was missed');
}

main().catch((e: unknown) => {
  console.error(`engine bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exitCode = 1;
});
