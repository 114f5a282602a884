import { stringify } from 'yaml';
import { readKubectlYaml } from './lib/import/kubectl-yaml';
const N=10000;
const items = Array.from({length:N},(_,i)=>({apiVersion:'v1',kind:'Pod',metadata:{name:`web-${i}`,namespace:'default',uid:`uid-${i}`,labels:{app:'web','pod-template-hash':'7d4b9c8f6'}},spec:{nodeName:`node-${i%50}`,containers:[{name:'web',image:'nginx:1.27',ports:[{containerPort:8080,protocol:'TCP'}]}]},status:{phase:'Running',podIP:`10.1.${i>>8}.${i&255}`,conditions:[{type:'Ready',status:'True'},{type:'ContainersReady',status:'True'}]}}));
const text = stringify({apiVersion:'v1',kind:'List',items});
let s=performance.now(); /[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ufeff]/.test(text); console.log('regex', performance.now()-s);
s=performance.now(); const L = text.split('\n'); console.log('split', performance.now()-s, L.length);
s=performance.now(); JSON.parse(JSON.stringify(items)); console.log('json', performance.now()-s);
for (let k=0;k<5;k++){ s=performance.now(); readKubectlYaml(text); console.log('read', (performance.now()-s).toFixed(0)); }
