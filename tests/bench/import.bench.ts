/**
 * `npx tsx tests/bench/import.bench.ts`: how fast a large cluster imports (issue 15: 500 nodes and 10,000 Pods
 * in under a second). The input is generated kubectl output (a List of Nodes, Pods, a Service and its
 * EndpointSlices, with the status and metadata kubectl prints), as JSON (`-o json`) and as YAML (`-o yaml`).
 * The YAML is written as kubectl (go-yaml) writes it: sequences at their key's indentation. Beside each
 * median, a baseline over the same text in the same run — JSON.parse for JSON, the `yaml` package's
 * parseAllDocuments + toJS for YAML (what the import used before lib/import/kubectl-yaml.ts) — so that figures
 * from different machines can be compared.
 */
import { parseAllDocuments } from 'yaml';
import { stringify } from 'yaml';
import { importCluster } from '@/lib/import';
import { NODES, PODS, cluster } from './kubectl-cluster';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MS = 1000;

function median(fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

const list = cluster();
const inputs = [
  { format: 'json', text: JSON.stringify(list, null, 4), baseline: 'JSON.parse', parse: (t: string) => JSON.parse(t) as unknown },
  { format: 'yaml', text: stringify(list, { indentSeq: false }), baseline: 'yaml parseAllDocuments+toJS', parse: (t: string) => parseAllDocuments(t).map((d) => d.toJS()) },
];
let failed = false;
for (const { format, text, baseline, parse } of inputs) {
  const first = importCluster(text);
  if (!first.ok || first.scenario.cluster.pods.length !== PODS || first.scenario.cluster.nodes.length !== NODES) {
    console.error(`import (${format}) did not produce ${NODES} nodes and ${PODS} pods`, first.ok ? '' : first.issues.slice(0, 3));
    process.exit(1);
  }
  const imp = median(() => importCluster(text));
  const base = median(() => parse(text));
  const ok = imp < TARGET_MS;
  failed ||= !ok;
  console.log(
    `import ${NODES} nodes, ${PODS} pods, ${format} (${(text.length / 1e6).toFixed(1)} MB): median ${imp.toFixed(0)} ms over ${RUNS} runs ` +
      `(target < ${TARGET_MS} ms: ${ok ? 'met' : 'MISSED'}); baseline ${baseline} of the same text: ${base.toFixed(0)} ms`,
  );
}
process.exitCode = failed ? 1 : 0;
