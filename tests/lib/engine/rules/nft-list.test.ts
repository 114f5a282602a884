/**
 * `nft list table ip kube-proxy` output (lib/engine/rules/nft-list.ts). The layout rules come from nftables'
 * src/rule.c (table_print, set_print_declaration, chain_print_declaration, prio2str) and src/expression.c
 * (calculate_delim); the expected texts below were derived by hand from those functions for kube-proxy's
 * TestOverallNFTablesRules input (see nftables-overall.test.ts), not produced by the code under test.
 */
import { nftListRule, nftListTable, nftPriority, nftTime, renderNftablesServices } from '@/lib/engine/rules';
import { overallIPTablesRulesServices, TEST_NODE } from './kube-proxy-cases';

const OPTIONS = { masqueradeMark: '0x4000', serviceCIDRs: ['172.30.0.0/16'] };
function listing(): string {
  const scenarios = overallIPTablesRulesServices().map((s) => ({
    ...s,
    cluster: { ...s.cluster, proxyMode: 'nftables' as const, nodePortAddresses: ['192.168.0.2/32'] },
  }));
  return nftListTable(renderNftablesServices(scenarios, TEST_NODE, OPTIONS).lines);
}

describe('nft priorities and times as nft prints them', () => {
  it.each([
    [-110, 'prerouting', 'dstnat - 10'],
    [-110, 'output', 'dstnat - 10'],
    [-100, 'prerouting', 'dstnat'],
    [0, 'forward', 'filter'],
    [100, 'postrouting', 'srcnat'],
    // dstnat is not a valid name on the forward hook: prio2str stops and prints the number.
    [-110, 'forward', '-110'],
    [-111, 'prerouting', '-111'],
    [-145, 'prerouting', 'mangle + 5'],
  ])('priority %i on %s → %s', (priority, hook, text) => {
    expect(nftPriority(priority, hook)).toBe(text);
  });
  it('timeouts', () => {
    expect(nftTime(10800)).toBe('3h');
    expect(nftTime(90061)).toBe('1d1h1m1s');
  });
});

describe('rules in nft listing syntax', () => {
  it('translates the mark arithmetic and anonymous sets', () => {
    expect(nftListRule('mark set mark or 0x4000')).toBe('meta mark set meta mark | 0x00004000');
    expect(nftListRule('mark and 0x4000 == 0 return')).toBe('meta mark & 0x00004000 == 0x00000000 return');
    expect(nftListRule('mark set mark xor 0x4000')).toBe('meta mark set meta mark ^ 0x00004000');
    expect(nftListRule('ip saddr != { 203.0.113.0/25 } drop')).toBe('ip saddr != 203.0.113.0/25 drop');
    expect(nftListRule('ip saddr != { 203.0.113.0/25 , 5.6.7.8 } drop')).toBe(
      'ip saddr != { 5.6.7.8, 203.0.113.0/25 } drop',
    );
    expect(nftListRule('numgen random mod 2 vmap { 0 : goto a , 1 : goto b }')).toBe(
      'numgen random mod 2 vmap { 0 : goto a, 1 : goto b }',
    );
    expect(nftListRule('ip daddr @cluster-ips reject')).toBe('ip daddr @cluster-ips reject');
  });
});

describe('nft list table ip kube-proxy for TestOverallNFTablesRules', () => {
  const text = listing();
  const lines = text.split('\n');

  it('opens with the table and its comment, sets before chains, one blank line between objects', () => {
    expect(lines.slice(0, 3)).toEqual([
      'table ip kube-proxy {',
      '\tcomment "rules for kube-proxy"',
      '\tset cluster-ips {',
    ]);
    expect(text.indexOf('\tmap service-ips {')).toBeLessThan(text.indexOf('\tchain services {'));
    expect(text.endsWith('\t}\n}\n')).toBe(true);
    expect(text).not.toMatch(/\n\n\n/);
    expect(text).toContain('\t}\n\n\tset nodeport-ips {\n');
  });

  it('lists a set with its elements sorted, two addresses a line', () => {
    expect(text).toContain(
      [
        '\tset cluster-ips {',
        '\t\ttype ipv4_addr',
        '\t\tcomment "Active ClusterIPs"',
        '\t\telements = { 172.30.0.41, 172.30.0.42,',
        '\t\t\t     172.30.0.43, 172.30.0.44,',
        '\t\t\t     172.30.0.45, 172.30.0.46 }',
        '\t}',
      ].join('\n'),
    );
  });

  it('lists a verdict map one element a line, sorted by address, with element comments', () => {
    expect(text).toContain(
      [
        '\tmap no-endpoint-services {',
        '\t\ttype ipv4_addr . inet_proto . inet_service : verdict',
        '\t\tcomment "vmap to drop or reject packets to services with no endpoints"',
        '\t\telements = { 1.2.3.4 . tcp . 80 comment "ns2/svc2:p80" : drop,',
        '\t\t\t     172.30.0.46 . tcp . 80 comment "ns6/svc6:p80" : goto reject-chain,',
        '\t\t\t     192.168.99.22 . tcp . 80 comment "ns2/svc2:p80" : drop }',
        '\t}',
      ].join('\n'),
    );
  });

  it('lists base chains with hook, named priority and policy, and a chain comment before its rules', () => {
    expect(text).toContain(
      '\tchain filter-prerouting-pre-dnat {\n\t\ttype filter hook prerouting priority dstnat - 10; policy accept;\n\t\tct state new jump firewall-check\n\t}\n',
    );
    expect(text).toContain(
      '\tchain nat-postrouting {\n\t\ttype nat hook postrouting priority srcnat; policy accept;\n',
    );
    expect(text).toContain(
      '\tchain reject-chain {\n\t\tcomment "helper for @no-endpoint-services / @no-endpoint-nodeports"\n\t\treject\n\t}\n',
    );
  });

  it('lists the affinity set with its timeout (not the redundant timeout flag) and the firewall rule unbraced', () => {
    expect(text).toContain(
      '\tset affinity-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 {\n\t\ttype ipv4_addr\n\t\tflags dynamic\n\t\ttimeout 3h\n\t}\n',
    );
    expect(text).toContain(
      '\tchain firewall-HVFWP5L3-ns5/svc5/tcp/p80 {\n\t\tip saddr != 203.0.113.0/25 drop\n\t}\n',
    );
  });

  it('keeps every chain of the transaction, once, with its rules in order', () => {
    const scenarios = overallIPTablesRulesServices().map((s) => ({
      ...s,
      cluster: { ...s.cluster, proxyMode: 'nftables' as const, nodePortAddresses: ['192.168.0.2/32'] },
    }));
    const tx = renderNftablesServices(scenarios, TEST_NODE, OPTIONS).lines;
    const chains = new Set(tx.filter((l) => l.startsWith('add chain ')).map((l) => l.split(' ')[4]));
    for (const c of chains) expect(text.split(`\tchain ${c} {\n`).length).toBe(2);
    const svc4 = text.slice(text.indexOf('\tchain service-LAUZTJTB-ns4/svc4/tcp/p80 {'));
    expect(svc4.slice(0, svc4.indexOf('\t}'))).toBe(
      '\tchain service-LAUZTJTB-ns4/svc4/tcp/p80 {\n' +
        '\t\tip daddr 172.30.0.44 ip saddr != 10.0.0.0/8 jump mark-for-masquerade\n' +
        '\t\tnumgen random mod 2 vmap { 0 : goto endpoint-UNZV3OEC-ns4/svc4/tcp/p80__10.180.0.4/80, 1 : goto endpoint-5RFCDDV7-ns4/svc4/tcp/p80__10.180.0.5/80 }\n',
    );
  });
});
