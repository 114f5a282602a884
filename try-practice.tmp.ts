import { generateQuestion } from '@/lib/scenarios';
const q = generateQuestion({ kind: 'load-share', difficulty: 'intro', seed: 'pinned' });
console.log(JSON.stringify({ svc: q.scenario.service.metadata, client: q.scenario.client, nodes: q.scenario.cluster.nodes.map(n=>n.name+' '+n.ip), n: q.scenario.cluster.pods?.length }));
