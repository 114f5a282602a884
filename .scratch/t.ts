import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { kubectlGet, kubectlDescribe } from '@/lib/troubleshoot';
for (const n of ['trouble-selector-mismatch','trouble-not-ready','trouble-headless-not-ready']) {
  const s = parse(readFileSync(`content/scenarios/${n}.yaml`,'utf8'));
  console.log('## '+n); console.log(kubectlGet(s, ['svc','endpointslices','pods'], {wide:true}));
}
const s = parse(readFileSync(`content/scenarios/trouble-not-ready.yaml`,'utf8'));
console.log(kubectlDescribe(s,'endpointslice','web'));
console.log(kubectlDescribe(s,'pod','web-1',{pods:{'web-1':{readinessProbe:'http-get http://:8080/ready delay=0s timeout=1s period=10s #success=1 #failure=3', events:[{type:'Warning',reason:'Unhealthy',age:'2m (x12 over 4m)',from:'kubelet',message:'Readiness probe failed: HTTP probe failed with statuscode: 503'}]}}}));
