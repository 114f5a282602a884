import { parseAllDocuments, stringify } from 'yaml';
import { readFileSync } from 'node:fs';
import { readKubectlYaml } from './lib/import/kubectl-yaml';
const slow = (t: string) => { const d = parseAllDocuments(t); return Array.isArray(d) ? d.map(x => x.errors.length ? 'ERR' : x.toJS()) : []; };
const cases = ["a: 1\n", "---\na: 1\n", "# c\n---\na: 1", "a: 1\n---\nb: 2\n", "a: 1\n---\n", "a: 1\n---", "# only\n", "---\n---\n", "--- # c\na: 1\n", "a:\n  |\n  x\n", "a: |\n\n  foo\n\n", "- |\n x\n", "a: |-\n  x\n  y\n\n", "a: 1 # c\nb: 'x''y' # d\n", "k: -1\nj: -.5\nl: 0o17\nm: 0x1F\nn: 1e3\no: +5\np: 00012\nq: 1_000\nr: .inf\ns: 1.0\nt: -0\n",
"a:\n- 1\n- b: 2\n  c: 3\n-\n  d: 4\n- - x\n  - y\ne: {}\nf: []\n", "a: \"x\\ty\\u00e9\\\"\"\n", "a:\n  b: |\n    line1\n\n    # not comment\n  c: 2\n", "a: foo, bar [x]\nb: ?x\nc: -x\nd: :x\n", "a:\n  hello\nb: 1\n", "- a\n-\n- c\n", "a: |\nb: 1\n"];
for (const c of [...cases, ...['kind.yaml','eks.yaml'].map(f => readFileSync('tests/fixtures/import/'+f,'utf8'))]) {
  const f = readKubectlYaml(c); const s = slow(c);
  const same = f === null ? 'FALLBACK' : JSON.stringify(f) === JSON.stringify(s) ? 'same' : 'DIFF ' + JSON.stringify(f) + ' vs ' + JSON.stringify(s);
  console.log(JSON.stringify(c).slice(0, 60), same);
}
const N=10000;
const items = Array.from({length:N},(_,i)=>({apiVersion:'v1',kind:'Pod',metadata:{name:`web-${i}`,namespace:'default',uid:`uid-${i}`,labels:{app:'web','pod-template-hash':'7d4b9c8f6'}},spec:{nodeName:`node-${i%50}`,containers:[{name:'web',image:'nginx:1.27',ports:[{containerPort:8080,protocol:'TCP'}]}]},status:{phase:'Running',podIP:`10.1.${i>>8}.${i&255}`,conditions:[{type:'Ready',status:'True'},{type:'ContainersReady',status:'True'}]}}));
for (const opts of [{}, {indentSeq:false}]) {
const text = stringify({apiVersion:'v1',kind:'List',items}, opts);
for (let k=0;k<3;k++){ const s=performance.now(); const r = readKubectlYaml(text); console.log(text.length, r===null?'null':'ok', (performance.now()-s).toFixed(0), 'ms'); }
}
