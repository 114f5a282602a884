/**
 * kube-proxy tests that pin whole chains or whole dumps, besides TestOverallIPTablesRules (source: the
 * proxier_test.go named in kube-proxy-cases.ts): TestSyncProxyRulesRepeated (its first, full sync),
 * TestSyncProxyRulesLargeClusterMode (comments dropped above 1000 endpoints), TestMasqueradeRule and
 * TestDropInvalidRule (assertIPTablesChainEqual), plus the defaults of a real node.
 */
import type { Scenario } from '@/lib/engine/model';
import {
  DEFAULT_MASQUERADE_MARK,
  renderIptables,
  renderIptablesServices,
  RulesError,
  type IptablesRendering,
} from '@/lib/engine/rules';
import { FAKE_PROXIER_OPTIONS, kubeProxyService, TEST_NODE } from './kube-proxy-cases';
import { checkIPTablesRuleJumps, dedent, sortIPTablesRules } from './normalize';

const tcp = (name: string, port: number) => ({
  name,
  port,
  targetPort: port,
  nodePort: null,
  protocol: 'TCP' as const,
});
const chain = (r: IptablesRendering, table: 'filter' | 'nat', name: string) =>
  r[table].rules
    .filter((x) => x.chain === name)
    .map((x) => `${x.line}\n`)
    .join('');

describe('TestSyncProxyRulesRepeated: the first (full) sync', () => {
  it('equals the expected dump after sortIPTablesRules', () => {
    const r = renderIptablesServices(
      [
        kubeProxyService(
          {
            namespace: 'ns1',
            name: 'svc1',
            type: 'ClusterIP',
            clusterIP: '172.30.0.41',
            ports: [tcp('p80', 80)],
          },
          [{ name: 'a', ip: '10.0.1.1' }],
        ),
        kubeProxyService(
          {
            namespace: 'ns2',
            name: 'svc2',
            type: 'ClusterIP',
            clusterIP: '172.30.0.42',
            ports: [tcp('p8080', 8080)],
          },
          [{ name: 'b', ip: '10.0.2.1' }],
        ),
      ],
      TEST_NODE,
      FAKE_PROXIER_OPTIONS,
    );
    const expected = dedent(`
      *filter
      :KUBE-NODEPORTS - [0:0]
      :KUBE-SERVICES - [0:0]
      :KUBE-EXTERNAL-SERVICES - [0:0]
      :KUBE-FIREWALL - [0:0]
      :KUBE-FORWARD - [0:0]
      :KUBE-PROXY-FIREWALL - [0:0]
      -A KUBE-FIREWALL -m comment --comment "block incoming localnet connections" -d 127.0.0.0/8 ! -s 127.0.0.0/8 -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP
      -A KUBE-FORWARD -m conntrack --ctstate INVALID -m nfacct --nfacct-name ct_state_invalid_dropped_pkts -j DROP
      -A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT
      -A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
      COMMIT
      *nat
      :KUBE-NODEPORTS - [0:0]
      :KUBE-SERVICES - [0:0]
      :KUBE-MARK-MASQ - [0:0]
      :KUBE-POSTROUTING - [0:0]
      :KUBE-SEP-SNQ3ZNILQDEJNDQO - [0:0]
      :KUBE-SEP-UHEGFW77JX3KXTOV - [0:0]
      :KUBE-SVC-2VJB64SDSIJUP5T6 - [0:0]
      :KUBE-SVC-XPGD46QRK7WJZT7O - [0:0]
      -A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 -j KUBE-SVC-XPGD46QRK7WJZT7O
      -A KUBE-SERVICES -m comment --comment "ns2/svc2:p8080 cluster IP" -m tcp -p tcp -d 172.30.0.42 --dport 8080 -j KUBE-SVC-2VJB64SDSIJUP5T6
      -A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
      -A KUBE-MARK-MASQ -j MARK --or-mark 0x4000
      -A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
      -A KUBE-POSTROUTING -j MARK --xor-mark 0x4000
      -A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE
      -A KUBE-SEP-SNQ3ZNILQDEJNDQO -m comment --comment ns1/svc1:p80 -s 10.0.1.1 -j KUBE-MARK-MASQ
      -A KUBE-SEP-SNQ3ZNILQDEJNDQO -m comment --comment ns1/svc1:p80 -m tcp -p tcp -j DNAT --to-destination 10.0.1.1:80
      -A KUBE-SEP-UHEGFW77JX3KXTOV -m comment --comment ns2/svc2:p8080 -s 10.0.2.1 -j KUBE-MARK-MASQ
      -A KUBE-SEP-UHEGFW77JX3KXTOV -m comment --comment ns2/svc2:p8080 -m tcp -p tcp -j DNAT --to-destination 10.0.2.1:8080
      -A KUBE-SVC-2VJB64SDSIJUP5T6 -m comment --comment "ns2/svc2:p8080 cluster IP" -m tcp -p tcp -d 172.30.0.42 --dport 8080 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ
      -A KUBE-SVC-2VJB64SDSIJUP5T6 -m comment --comment "ns2/svc2:p8080 -> 10.0.2.1:8080" -j KUBE-SEP-UHEGFW77JX3KXTOV
      -A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ
      -A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.0.1.1:80" -j KUBE-SEP-SNQ3ZNILQDEJNDQO
      COMMIT
      `);
    expect(sortIPTablesRules(r.text)).toBe(expected);
    expect(checkIPTablesRuleJumps(r.text)).toEqual([]);
  });

  it('orders a Service chain by endpoint string and splits it 1/2 then the rest (svc3 with 10.0.3.2 and 10.0.3.3)', () => {
    const r = renderIptables(
      kubeProxyService(
        {
          namespace: 'ns3',
          name: 'svc3',
          type: 'ClusterIP',
          clusterIP: '172.30.0.43',
          ports: [tcp('p80', 80)],
        },
        [
          { name: 'b', ip: '10.0.3.3' },
          { name: 'a', ip: '10.0.3.2' },
        ],
      ),
      TEST_NODE,
      FAKE_PROXIER_OPTIONS,
    );
    expect(chain(r, 'nat', 'KUBE-SVC-X27LE4BHSL4DOUIK')).toBe(
      dedent(`
        -A KUBE-SVC-X27LE4BHSL4DOUIK -m comment --comment "ns3/svc3:p80 cluster IP" -m tcp -p tcp -d 172.30.0.43 --dport 80 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ
        -A KUBE-SVC-X27LE4BHSL4DOUIK -m comment --comment "ns3/svc3:p80 -> 10.0.3.2:80" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-DKCFIS26GWF2WLWC
        -A KUBE-SVC-X27LE4BHSL4DOUIK -m comment --comment "ns3/svc3:p80 -> 10.0.3.3:80" -j KUBE-SEP-JVVZVJ7BSEPPRNBS
        `),
    );
  });
});

describe('TestSyncProxyRulesLargeClusterMode', () => {
  const many = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, i) => ({
      name: `${prefix}-${i}`,
      ip: `${prefix}.${i % 256}.${Math.floor(i / 256)}`,
    }));
  const services = (withSvc3: boolean): Scenario[] => {
    const list = [
      kubeProxyService(
        {
          namespace: 'ns1',
          name: 'svc1',
          type: 'ClusterIP',
          clusterIP: '172.30.0.41',
          ports: [tcp('p80', 80)],
        },
        many('10.0', 499),
        { masqueradeAll: true },
      ),
      kubeProxyService(
        {
          namespace: 'ns2',
          name: 'svc2',
          type: 'ClusterIP',
          clusterIP: '172.30.0.42',
          ports: [tcp('p8080', 8080)],
        },
        many('10.1', 499),
        { masqueradeAll: true },
      ),
    ];
    if (withSvc3)
      list.push(
        kubeProxyService(
          {
            namespace: 'ns3',
            name: 'svc3',
            type: 'ClusterIP',
            clusterIP: '172.30.0.43',
            ports: [tcp('p8081', 8081)],
          },
          [
            { name: 'x', ip: '203.0.113.4' },
            { name: 'y', ip: '203.0.113.8' },
            { name: 'z', ip: '203.0.113.12' },
          ],
          { masqueradeAll: true },
        ),
      );
    return list;
  };
  const dnatLines = (r: IptablesRendering) =>
    r.nat.rules.filter((x) => x.chain.startsWith('KUBE-SEP-') && x.args.includes('DNAT')).map((x) => x.line);

  it('keeps per-endpoint comments at 998 endpoints', () => {
    const lines = dnatLines(renderIptablesServices(services(false), TEST_NODE, FAKE_PROXIER_OPTIONS));
    expect(lines).toHaveLength(998);
    expect(lines.filter((l) => l.includes('--comment'))).toHaveLength(998);
    expect(lines).toContain(
      '-A KUBE-SEP-DKGQUZGBKLTPAR56 -m comment --comment ns1/svc1:p80 -m tcp -p tcp -j DNAT --to-destination 10.0.0.0:80',
    );
  });

  it('drops them above 1000 endpoints (full resync with svc3)', () => {
    const lines = dnatLines(renderIptablesServices(services(true), TEST_NODE, FAKE_PROXIER_OPTIONS));
    expect(lines).toHaveLength(1001);
    expect(lines.filter((l) => l.includes('--comment'))).toHaveLength(0);
    expect(lines).toContain(
      '-A KUBE-SEP-DKGQUZGBKLTPAR56 -m tcp -p tcp -j DNAT --to-destination 10.0.0.0:80',
    );
    expect(lines).toContain(
      '-A KUBE-SEP-RUVVH7YV3PHQBDOS -m tcp -p tcp -j DNAT --to-destination 203.0.113.4:8081',
    );
  });
});

describe('TestMasqueradeRule and TestDropInvalidRule (whole chains)', () => {
  const empty = () =>
    kubeProxyService(
      { namespace: 'ns1', name: 'svc1', type: 'ClusterIP', clusterIP: null, ports: [tcp('p80', 80)] },
      [],
    );

  it.each([
    [false, ''],
    [true, ' --random-fully'],
  ])('KUBE-POSTROUTING with randomFully %s', (randomFully, suffix) => {
    const r = renderIptables(empty(), TEST_NODE, { ...FAKE_PROXIER_OPTIONS, randomFully });
    expect(chain(r, 'nat', 'KUBE-POSTROUTING')).toBe(
      dedent(`
        -A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
        -A KUBE-POSTROUTING -j MARK --xor-mark 0x4000
        -A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE${suffix}
        `),
    );
  });

  const forwardTail = dedent(`
    -A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT
    -A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
    `);
  it.each([
    [
      'tcpLiberal false, nfacct false',
      { conntrackTCPLiberal: false, nfacct: false },
      '-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP\n',
    ],
    [
      'tcpLiberal false, nfacct true',
      { conntrackTCPLiberal: false, nfacct: true },
      '-A KUBE-FORWARD -m conntrack --ctstate INVALID -m nfacct --nfacct-name ct_state_invalid_dropped_pkts -j DROP\n',
    ],
    ['tcpLiberal true', { conntrackTCPLiberal: true, nfacct: false }, ''],
  ])('KUBE-FORWARD with %s', (_name, options, dropRule) => {
    const r = renderIptables(empty(), TEST_NODE, { ...FAKE_PROXIER_OPTIONS, ...options });
    expect(chain(r, 'filter', 'KUBE-FORWARD')).toBe(dropRule + forwardTail);
  });

  it('renders nothing for a headless Service, and says so', () => {
    const r = renderIptables(empty(), TEST_NODE, FAKE_PROXIER_OPTIONS);
    expect(r.nat.rules.some((x) => x.service !== null)).toBe(false);
    expect(r.notes.join(' ')).toMatch(/headless/);
  });
});

describe('a real node (defaults)', () => {
  it("uses kube-proxy's own mark text 0x00004000 and --random-fully", () => {
    expect(DEFAULT_MASQUERADE_MARK).toBe('0x00004000');
    const r = renderIptables(
      kubeProxyService(
        {
          namespace: 'default',
          name: 'web',
          type: 'ClusterIP',
          clusterIP: '10.96.0.10',
          ports: [tcp('http', 80)],
        },
        [],
      ),
      TEST_NODE,
    );
    expect(chain(r, 'nat', 'KUBE-MARK-MASQ')).toBe('-A KUBE-MARK-MASQ -j MARK --or-mark 0x00004000\n');
    expect(chain(r, 'nat', 'KUBE-POSTROUTING')).toContain('-j MASQUERADE --random-fully\n');
  });
});

describe('inputs the scenario cannot express', () => {
  it('refuses a named targetPort with the field path (no container ports to resolve it)', () => {
    const s = kubeProxyService(
      {
        namespace: 'ns1',
        name: 'svc1',
        type: 'ClusterIP',
        clusterIP: '172.30.0.41',
        ports: [{ ...tcp('p80', 80), targetPort: 'http' }],
      },
      [{ name: 'a', ip: '10.0.1.1' }],
    );
    expect(() => renderIptables(s, TEST_NODE)).toThrow(RulesError);
    expect(() => renderIptables(s, TEST_NODE)).toThrow(
      'service.spec.ports[0].targetPort "http" is a named port',
    );
  });

  it('refuses an unknown node, naming the nodes there are', () => {
    const s = kubeProxyService(
      {
        namespace: 'ns1',
        name: 'svc1',
        type: 'ClusterIP',
        clusterIP: '172.30.0.41',
        ports: [tcp('p80', 80)],
      },
      [],
    );
    expect(() => renderIptables(s, 'nope')).toThrow(
      'no node named "nope" in the scenario (nodes: test-node, node2)',
    );
  });
});
