import { agreement, KEYED_KINDS } from './tests/lib/scenarios/oracle';
const k = KEYED_KINDS.find((x) => x.kind === 'read-rules')!;
const a = agreement(k, Number(process.env.N ?? 600), process.env.P ?? 'try');
console.log(a.agree, a.disagree.length, JSON.stringify(a.disagree.slice(0, 3), null, 1).slice(0, 3000));
