import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { kubectlDescribe, endpointSliceName } from '@/lib/troubleshoot';
const s = parse(readFileSync(`content/scenarios/trouble-not-ready.yaml`,'utf8'));
console.log(kubectlDescribe(s,'endpointslice',endpointSliceName('web')));
const h = parse(readFileSync(`content/scenarios/trouble-healthy.yaml`,'utf8'));
console.log(kubectlDescribe(h,'endpointslice',endpointSliceName('web'), {pods:{'web-1':{listen:{address:'0.0.0.0',port:80}}}}));
console.log(kubectlDescribe(h,'pod','web-1', {pods:{'web-1':{listen:{address:'0.0.0.0',port:80}}}}));
