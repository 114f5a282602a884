/**
 * flowRules: the rules a flow of the engine's answer traverses on its node, and each packet-walk step linked to
 * the lines it is about. Checked by hand on the article's Local layout (content/scenarios/article-local-two-nodes).
 */
import { readFileSync } from 'node:fs';
import { evaluate } from '@/lib/engine';
import { readScenarioText } from '@/lib/engine/text';
import { flowRules, renderIptables, serviceChainNames } from '@/lib/engine/rules';

function load(name: string) {
  const read = readScenarioText(readFileSync(`content/scenarios/${name}.yaml`, 'utf8'), 'yaml');
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return { scenario: read.scenario, answer: evaluate(read.scenario) };
}
const chains = serviceChainNames('default/web', 'tcp');

describe('flowRules on article-local-two-nodes', () => {
  const { scenario, answer } = load('article-local-two-nodes');

  it('node-b (two local Pods): LB dispatch, KUBE-EXT → KUBE-SVL, both endpoints; the R-EXT-6 step links to the KUBE-SVL jump', () => {
    const r = flowRules(scenario, answer.flows[1]!, 1, renderIptables(scenario, 'node-b'))!;
    expect(r.lines[0]).toMatch(
      new RegExp(
        `^-A KUBE-SERVICES .*"default/web loadbalancer IP".* -d 198\\.51\\.100\\.20 .* -j ${chains.external}$`,
      ),
    );
    expect(r.lines).toContain(`-A ${chains.external} -j ${chains.local}`);
    expect(r.lines.filter((l) => / -j DNAT --to-destination 10\.244\.2\.1[01]:8080$/.test(l))).toHaveLength(
      2,
    );
    expect(r.lines.some((l) => l.includes('KUBE-MARK-MASQ'))).toBe(false);
    const ext6 = r.steps.find((s) => s.step.startsWith('R-EXT-6'))!;
    expect(ext6.lines).toEqual([`-A ${chains.external} -j ${chains.local}`]);
    const lb1 = r.steps.find((s) => s.step.startsWith('R-LB-1'))!;
    expect(lb1.lines.length).toBe(4); // two KUBE-SVL picks, two DNATs
  });

  it('node-a (no local Pod): the filter DROP "has no local endpoints" is traversed and linked to the R-EXT-7 step', () => {
    const r = flowRules(scenario, answer.flows[0]!, 0, renderIptables(scenario, 'node-a'))!;
    const drop = r.lines.find((l) => l.startsWith('-A KUBE-EXTERNAL-SERVICES'))!;
    expect(drop).toMatch(/"default\/web has no local endpoints" .* -d 198\.51\.100\.20\/?\S* .*-j DROP$/);
    expect(r.steps.find((s) => s.step.startsWith('R-EXT-7'))!.lines).toEqual([drop]);
  });

  it('a flow is not traced in another node’s rules', () => {
    expect(flowRules(scenario, answer.flows[1]!, 1, renderIptables(scenario, 'node-a'))).toBeNull();
  });
});
