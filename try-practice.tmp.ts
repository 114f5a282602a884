import { generateQuestion } from '@/lib/scenarios';
const q = generateQuestion({ kind: 'load-share', difficulty: 'intro', seed: 'pinned' });
console.log(JSON.stringify({ svc: q.scenario.service.metadata, client: q.scenario.client, nodes: q.scenario.cluster.nodes.map(n=>n.name+' '+n.ip), pods: q.scenario.cluster.pods?.map(p=>p.name+' '+p.node), exp: q.key.fields.map(f=>f.expected) }, null, 1));
