/**
 * kube-proxy's iptables-restore input as `iptables-save` prints it back. Expected lines are the ones real
 * clusters show for the same rules (e.g. the default/kubernetes Service, kube-dns with 2 or 3 endpoints) and
 * hand-derived values: the kernel keeps a statistic probability p as lround(p × 2^31) and iptables prints that
 * fraction with 11 decimals (1/3 → 715827883 / 2^31 = 0.333333333489… → 0.33333333349).
 */
import { iptablesSave, renderIptables, savedProbability, saveRule } from '@/lib/engine/rules';
import { kubeProxyService, TEST_NODE } from './kube-proxy-cases';

describe('saveRule: one rule as iptables-save prints it', () => {
  it.each([
    [
      'KUBE-SERVICES',
      '-m comment --comment "default/kubernetes:https cluster IP" -m tcp -p tcp -d 10.96.0.1 --dport 443 -j KUBE-SVC-NPX46M4PTMTKRN6Y',
      '-A KUBE-SERVICES -d 10.96.0.1/32 -p tcp -m comment --comment "default/kubernetes:https cluster IP" -m tcp --dport 443 -j KUBE-SVC-NPX46M4PTMTKRN6Y',
    ],
    [
      'KUBE-SVC-NPX46M4PTMTKRN6Y',
      '-m comment --comment "default/kubernetes:https cluster IP" -m tcp -p tcp -d 10.96.0.1 --dport 443 ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ',
      '-A KUBE-SVC-NPX46M4PTMTKRN6Y ! -s 10.244.0.0/16 -d 10.96.0.1/32 -p tcp -m comment --comment "default/kubernetes:https cluster IP" -m tcp --dport 443 -j KUBE-MARK-MASQ',
    ],
    ['KUBE-MARK-MASQ', '-j MARK --or-mark 0x00004000', '-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000'],
    [
      'KUBE-POSTROUTING',
      '-j MARK --xor-mark 0x00004000',
      '-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0',
    ],
    [
      'KUBE-POSTROUTING',
      '-m mark ! --mark 0x00004000/0x00004000 -j RETURN',
      '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN',
    ],
    [
      'KUBE-SEP-X',
      '-m comment --comment kube-system/kube-dns:dns -m udp -p udp -j DNAT --to-destination 10.244.0.2:53',
      '-A KUBE-SEP-X -p udp -m comment --comment "kube-system/kube-dns:dns" -m udp -j DNAT --to-destination 10.244.0.2:53',
    ],
    [
      'KUBE-SVC-TCOU7JCQXEZGVUNU',
      '-m comment --comment "kube-system/kube-dns:dns -> 10.244.0.2:53" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-X',
      '-A KUBE-SVC-TCOU7JCQXEZGVUNU -m comment --comment "kube-system/kube-dns:dns -> 10.244.0.2:53" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-X',
    ],
    [
      'KUBE-SERVICES',
      '-m comment --comment "ns6/svc6:p80 has no endpoints" -m tcp -p tcp -d 172.30.0.46 --dport 80 -j REJECT',
      '-A KUBE-SERVICES -d 172.30.0.46/32 -p tcp -m comment --comment "ns6/svc6:p80 has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable',
    ],
    [
      'KUBE-SVC-Y',
      '-m comment --comment "ns5/svc5:p80 -> 10.180.0.3:80" -m recent --name KUBE-SEP-Z --rcheck --seconds 10800 --reap -j KUBE-SEP-Z',
      '-A KUBE-SVC-Y -m comment --comment "ns5/svc5:p80 -> 10.180.0.3:80" -m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-Z --mask 255.255.255.255 --rsource -j KUBE-SEP-Z',
    ],
    [
      'KUBE-FW-Y',
      '-m comment --comment "other traffic to ns5/svc5:p80 will be dropped by KUBE-PROXY-FIREWALL"',
      '-A KUBE-FW-Y -m comment --comment "other traffic to ns5/svc5:p80 will be dropped by KUBE-PROXY-FIREWALL"',
    ],
  ])('%s: %s', (chain, restore, saved) => {
    expect(saveRule(chain, splitArgs(restore))).toBe(saved);
  });

  it.each([
    ['0.5000000000', '0.50000000000'],
    ['0.3333333333', '0.33333333349'],
    ['0.2500000000', '0.25000000000'],
    ['0.1428571429', '0.14285714272'],
    ['0.1000000000', '0.10000000009'],
  ])('probability %s is held and printed as %s', (written, printed) => {
    expect(savedProbability(written)).toBe(printed);
  });
});

describe('iptablesSave: whole tables', () => {
  const r = renderIptables(
    kubeProxyService(
      {
        namespace: 'ns1',
        name: 'svc1',
        type: 'ClusterIP',
        clusterIP: '172.30.0.41',
        ports: [{ name: 'p80', port: 80, targetPort: 80, nodePort: null, protocol: 'TCP' }],
      },
      [
        { name: 'a', ip: '10.180.0.1' },
        { name: 'b', ip: '10.180.0.2' },
        { name: 'c', ip: '10.180.0.3' },
      ],
    ),
    TEST_NODE,
  );
  const saved = iptablesSave(r);

  it('lists built-in chains first, then every kube-proxy chain in alphabetical order, in both tables', () => {
    const chains = (table: string) =>
      saved
        .split(`*${table}\n`)[1]!
        .split('COMMIT')[0]!
        .split('\n')
        .filter((l) => l.startsWith(':'))
        .map((l) => l.split(' ')[0]!.slice(1));
    expect(chains('nat').slice(0, 4)).toEqual(['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING']);
    const user = chains('nat').slice(4);
    expect(user).toEqual([...user].sort());
    expect(user).toContain('KUBE-PROXY-CANARY');
    expect(chains('filter').slice(0, 3)).toEqual(['INPUT', 'FORWARD', 'OUTPUT']);
  });

  it("keeps each chain's rules in kube-proxy's order, with the kernel's probabilities", () => {
    const svc = saved
      .split('\n')
      .filter((l) => l.startsWith('-A KUBE-SVC-XPGD46QRK7WJZT7O ') && l.includes('->'));
    expect(svc.map((l) => / --probability (\S+)/.exec(l)?.[1] ?? 'rest')).toEqual([
      '0.33333333349',
      '0.50000000000',
      'rest',
    ]);
  });

  it('has as many rules as kube-proxy wrote, plus its jumps from the built-in chains', () => {
    const rules = saved.split('\n').filter((l) => l.startsWith('-A '));
    const builtinJumps = rules.filter((l) => /^-A (INPUT|FORWARD|OUTPUT|PREROUTING|POSTROUTING) /.test(l));
    expect(rules.length - builtinJumps.length).toBe(r.filter.rules.length + r.nat.rules.length);
    expect(builtinJumps).toContain(
      '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    );
  });
});

/** Splits a rule's arguments as a shell would, keeping "quoted strings" (with their quotes) as one argument. */
function splitArgs(text: string): string[] {
  return text.match(/"[^"]*"|\S+/g) ?? [];
}
