/**
 * What a question's answer depends on, said in its prompt (issue 12 item 10) — for the kinds that reason
 * about the data plane (cross-node, policy-choice, fix-it). `describeSetup` names every mode but iptables;
 * these kinds name iptables too, so the learner never has to guess which proxy decides.
 */
import type { Layout } from '../layout';

export function dataPlaneSentence(layout: Layout): string {
  return layout.proxyMode === 'iptables' ? ' kube-proxy runs in iptables mode.' : '';
}

/** "1 endpoint", "2 endpoints". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

export { listText } from '../properties';
