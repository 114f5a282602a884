import { agreement, KEYED_KINDS } from './tests/lib/scenarios/oracle/index';
const k = KEYED_KINDS.find((x) => x.kind === 'read-rules')!;
const t = Date.now();
const r = agreement(k, Number(process.argv[2] ?? 600), 'try');
console.log(r.agree, r.disagree.slice(0, 10), Date.now() - t, 'ms');
