/** @jest-environment jsdom */
/**
 * The explorer's "Rules on node" panel (app/learn/_explorer/rules-panel.tsx): the rendered tables for the current
 * layout, the focused flow's rules highlighted, each packet-walk step linked to its lines, mode and node chosen
 * by keyboard, and a copy button. Expected texts come from lib/engine/rules called here directly.
 */
import { readFileSync } from 'node:fs';
import { TextEncoder } from 'node:util';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { evaluate } from '@/lib/engine';
import { readScenarioText } from '@/lib/engine/text';
import { flowRules, renderIptables, renderIpvs, rulesText } from '@/lib/engine/rules';
import { RulesPanel } from '@/app/learn/_explorer/rules-panel';
import { renderFor } from '@/app/learn/_explorer/rules-render';

globalThis.TextEncoder ??= TextEncoder as typeof globalThis.TextEncoder;

function load(name: string) {
  const read = readScenarioText(readFileSync(`content/scenarios/${name}.yaml`, 'utf8'), 'yaml');
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return { scenario: read.scenario, answer: evaluate(read.scenario) };
}
const linesOf = (region: HTMLElement) =>
  [...region.querySelectorAll('code > span')].map((s) => s.textContent);

describe('RulesPanel', () => {
  const { scenario, answer } = load('article-local-two-nodes');

  it('shows the iptables rules of the focused flow’s node and highlights exactly the traversed lines', () => {
    render(<RulesPanel scenario={scenario} answer={answer} focusFlow={1} render={renderFor} />);
    expect(screen.getByRole('heading', { name: 'Rules on node node-b' })).toBeInTheDocument();
    const region = screen.getByRole('region', { name: 'Rules on node node-b: iptables' });
    const rendering = renderIptables(scenario, 'node-b');
    expect(linesOf(region)).toEqual(rendering.text.replace(/\n$/, '').split('\n'));
    const traversed = [...region.querySelectorAll('[data-traversed]')].map((s) => s.textContent);
    expect(traversed.sort()).toEqual([...flowRules(scenario, answer.flows[1]!, 1, rendering)!.lines].sort());
    expect(region).toHaveAttribute('tabindex', '0');
  });

  it('starts from the rules computed ahead with its controls disabled; the renderers’ arrival enables them in place', () => {
    const node = answer.flows[1]!.node!;
    const initial = { mode: 'iptables' as const, node, rendered: renderFor(scenario, answer, 1, 'iptables', node) };
    const { rerender } = render(<RulesPanel scenario={scenario} answer={answer} focusFlow={1} render={null} initial={initial} />);
    const region = screen.getByRole('region', { name: `Rules on node ${node}: iptables` });
    expect(linesOf(region)).toEqual(renderIptables(scenario, node).text.replace(/\n$/, '').split('\n'));
    for (const control of [screen.getByRole('combobox', { name: 'Rules of proxy mode' }), screen.getByRole('combobox', { name: 'Rules on node' }), screen.getByRole('button', { name: 'Copy rules' })])
      expect(control).toBeDisabled();
    region.focus();
    rerender(<RulesPanel scenario={scenario} answer={answer} focusFlow={1} render={renderFor} initial={initial} />);
    expect(screen.getByRole('combobox', { name: 'Rules of proxy mode' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Copy rules' })).toBeEnabled();
    // The same panel, not a new one: a reader's focus stays where it was.
    expect(document.activeElement).toBe(region);
  });

  it('links each packet-walk step to the lines it uses', async () => {
    const user = userEvent.setup();
    render(<RulesPanel scenario={scenario} answer={answer} focusFlow={1} render={renderFor} />);
    const step = screen.getByText(/^R-EXT-6:/).closest('li')!;
    const links = within(step).getAllByRole('link');
    expect(links).toHaveLength(1);
    const target = document.getElementById(links[0]!.getAttribute('href')!.slice(1))!;
    expect(target.textContent).toMatch(/^-A KUBE-EXT-\w+ -j KUBE-SVL-\w+$/);
    expect(target).toHaveAttribute('data-traversed', 'true');
    await user.tab();
    expect(screen.getByRole('combobox', { name: 'Rules of proxy mode' })).toHaveFocus();
  });

  it('switches mode and node by keyboard: nft list table, IPVS', async () => {
    const user = userEvent.setup();
    render(<RulesPanel scenario={scenario} answer={answer} focusFlow={1} render={renderFor} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rules of proxy mode' }), 'nftables');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rules on node' }), 'node-a');
    const nft = screen.getByRole('region', { name: 'Rules on node node-a: nftables (nft list table)' });
    expect(linesOf(nft).join('\n') + '\n').toBe(rulesText(scenario, 'node-a', 'nftables', 'list').text);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rules of proxy mode' }), 'ipvs');
    const ipvs = screen.getByRole('region', { name: 'Rules on node node-a: IPVS (ipvsadm -Ln)' });
    expect(linesOf(ipvs)[1]).toBe('IP Virtual Server version 1.2.1 (size=4096)');
  });

  it('copies the shown rules', async () => {
    const user = userEvent.setup();
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<RulesPanel scenario={scenario} answer={answer} focusFlow={0} render={renderFor} />);
    await user.click(screen.getByRole('button', { name: 'Copy rules' }));
    expect(writeText).toHaveBeenCalledWith(renderIptables(scenario, 'node-a').text);
    expect(screen.getByText('Copied.')).toBeInTheDocument();
  });

  it('nftables: highlights the traced lines of nft list table and links steps to them, by keyboard', async () => {
    const user = userEvent.setup();
    render(<RulesPanel scenario={scenario} answer={answer} focusFlow={1} render={renderFor} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rules of proxy mode' }), 'nftables');
    const region = screen.getByRole('region', { name: 'Rules on node node-b: nftables (nft list table)' });
    const traversed = [...region.querySelectorAll('[data-traversed]')].map((s) => s.textContent!.trim());
    // Flow 1 (external → LB IP on node-b, Local, two local Pods), read off the listing by hand: the LB IP's
    // service-ips element, the external chain's goto to the local chain, numgen over both endpoints, both DNATs.
    expect(traversed).toEqual(
      expect.arrayContaining([
        'ip daddr . meta l4proto . th dport vmap @service-ips',
        expect.stringMatching(/^198\.51\.100\.20 \. tcp \. 80 : goto external-\w+-default\/web\/tcp\/ }$/),
        expect.stringMatching(/^goto local-\w+-default\/web\/tcp\/$/),
        expect.stringMatching(/^numgen random mod 2 vmap \{/),
        'meta l4proto tcp dnat to 10.244.2.10:8080',
        'meta l4proto tcp dnat to 10.244.2.11:8080',
      ]),
    );
    expect(traversed.some((l) => l.includes('mark-for-masquerade'))).toBe(false);
    const step = screen.getByText(/^R-EXT-6:/).closest('li')!;
    const link = within(step).getByRole('link');
    const target = document.getElementById(link.getAttribute('href')!.slice(1))!;
    expect(target.textContent!.trim()).toMatch(/^goto local-/);
    expect(target).toHaveAttribute('data-traversed', 'true');
    link.focus();
    expect(link).toHaveFocus();
  });

  it('nftables: a drop on a node without local endpoints is the no-endpoint-services element', async () => {
    const user = userEvent.setup();
    render(<RulesPanel scenario={scenario} answer={answer} focusFlow={0} render={renderFor} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rules of proxy mode' }), 'nftables');
    const step = screen.getByText(/^R-EXT-7:/).closest('li')!;
    const target = document.getElementById(within(step).getByRole('link').getAttribute('href')!.slice(1))!;
    expect(target.textContent).toMatch(/198\.51\.100\.20 \. tcp \. 80 comment "default\/web" : drop/);
  });

  it('IPVS: highlights the virtual server of the flow, its real servers, ipset entries and the iptables rules IPVS mode uses', async () => {
    const user = userEvent.setup();
    render(<RulesPanel scenario={scenario} answer={answer} focusFlow={1} render={renderFor} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rules of proxy mode' }), 'ipvs');
    const region = screen.getByRole('region', { name: 'Rules on node node-b: IPVS (ipvsadm -Ln)' });
    expect(linesOf(region).join('\n') + '\n').toBe(renderIpvs(scenario, 'node-b').text);
    const traversed = [...region.querySelectorAll('[data-traversed]')].map((s) => s.textContent!.trimEnd());
    expect(traversed).toEqual([
      'TCP  198.51.100.20:80 rr',
      expect.stringMatching(/^ {2}-> 10\.244\.2\.10:8080 +Masq +1/),
      expect.stringMatching(/^ {2}-> 10\.244\.2\.11:8080 +Masq +1/),
      'add KUBE-LOAD-BALANCER 198.51.100.20,tcp:80',
      'add KUBE-LOAD-BALANCER-LOCAL 198.51.100.20,tcp:80',
      // The iptables part (pkg/proxy/ipvs/proxier.go writeIptablesRules): the LB VIP is in KUBE-LOAD-BALANCER, and
      // under Local in KUBE-LOAD-BALANCER-LOCAL, which RETURNs before the masquerade mark; then ACCEPT.
      '-A KUBE-SERVICES -m comment --comment "Kubernetes service lb portal" -m set --match-set KUBE-LOAD-BALANCER dst,dst -j KUBE-LOAD-BALANCER',
      '-A KUBE-LOAD-BALANCER -m comment --comment "Kubernetes service load balancer ip + port with externalTrafficPolicy=local" -m set --match-set KUBE-LOAD-BALANCER-LOCAL dst,dst -j RETURN',
      '-A KUBE-SERVICES -m set --match-set KUBE-LOAD-BALANCER dst,dst -j ACCEPT',
      '-A KUBE-IPVS-FILTER -m set --match-set KUBE-LOAD-BALANCER dst,dst -j RETURN',
    ]);
    const step = screen.getByText(/^R-LB-1:/).closest('li')!;
    expect(within(step).getAllByRole('link')).toHaveLength(3);
    // "not masqueraded" links to the Local set's RETURN, which skips KUBE-MARK-MASQ.
    const notMasqueraded = screen.getByText(/^R-SRC-1:/).closest('li')!;
    const target = document.getElementById(within(notMasqueraded).getByRole('link').getAttribute('href')!.slice(1))!;
    expect(target.textContent).toMatch(/--match-set KUBE-LOAD-BALANCER-LOCAL dst,dst -j RETURN$/);
    expect(target).toHaveAttribute('data-traversed', 'true');
  });

  it('IPVS, Cluster: the masquerade steps link to KUBE-MARK-MASQ and KUBE-POSTROUTING', async () => {
    const user = userEvent.setup();
    const cluster = { ...scenario, service: { ...scenario.service, externalTrafficPolicy: 'Cluster' as const } };
    render(<RulesPanel scenario={cluster} answer={evaluate(cluster)} focusFlow={1} render={renderFor} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rules of proxy mode' }), 'ipvs');
    const region = screen.getByRole('region', { name: 'Rules on node node-b: IPVS (ipvsadm -Ln)' });
    const traversed = [...region.querySelectorAll('[data-traversed]')].map((s) => s.textContent!.trimEnd());
    expect(traversed).toEqual(
      expect.arrayContaining([
        '-A KUBE-LOAD-BALANCER -j KUBE-MARK-MASQ',
        '-A KUBE-MARK-MASQ -j MARK --or-mark 0x00004000',
        '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
      ]),
    );
    expect(traversed.some((l) => l.includes('KUBE-LOAD-BALANCER-LOCAL'))).toBe(false);
    const masqueraded = screen.getByText(/^R-EXT-1:/).closest('li')!;
    const linked = within(masqueraded)
      .getAllByRole('link')
      .map((a) => document.getElementById(a.getAttribute('href')!.slice(1))!.textContent);
    expect(linked).toContain('-A KUBE-LOAD-BALANCER -j KUBE-MARK-MASQ');
    expect(linked).toContain('-A KUBE-MARK-MASQ -j MARK --or-mark 0x00004000');
  });
});
