/**
 * `npm run --silent engine -- rules FILE --node NAME [--mode …]`: kube-proxy's iptables tables for a node on
 * stdout (exit 0); usage errors, unknown nodes and modes not rendered yet exit 2 with one line on stderr.
 * Chain names are checked against node:crypto's SHA-256 (a path independent of lib/engine/rules/sha256.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli as cli, tempDir } from './run-cli';

const ROOT = process.cwd();
const SEED = 'content/scenarios/seed-uneven-local.yaml';
const { dir: tmp } = tempDir('engine-rules-cli-');

/** kube-proxy's portProtoHash with Node's own SHA-256 and a hand-written RFC 4648 base32 of the first 10 bytes. */
function hash16(text: string): string {
  const bytes = createHash('sha256').update(text).digest().subarray(0, 10);
  let bits = '';
  for (const b of bytes) bits += b.toString(2).padStart(8, '0');
  return bits
    .match(/.{5}/g)!
    .map((chunk) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[parseInt(chunk, 2)])
    .join('');
}

/** nftables hashAndTruncate's 8-character prefix, computed the same independent way. */
const hash8 = (text: string) => hash16(text).slice(0, 8);

describe('engine CLI: rules', () => {
  it('prints the filter and nat tables for a node (iptables by default for an iptables scenario)', () => {
    const r = cli(['rules', SEED, '--node', 'node-a']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^\*filter\n:KUBE-SERVICES - \[0:0\]\n/);
    expect(r.stdout.match(/^COMMIT$/gm)).toHaveLength(2);
    const svc = `KUBE-SVC-${hash16('default/web-apptcp')}`;
    expect(r.stdout).toContain(
      `-A KUBE-SERVICES -m comment --comment "default/web-app cluster IP" -m tcp -p tcp -d 10.96.0.20 --dport 80 -j ${svc}\n`,
    );
    // node-a has three local endpoints: under Local its KUBE-SVL chain splits 1/3, 1/2, rest.
    const svl = `KUBE-SVL-${hash16('default/web-apptcp')}`;
    const svlRules = r.stdout.split('\n').filter((l) => l.startsWith(`-A ${svl} `));
    expect(svlRules.map((l) => / --probability (\S+)/.exec(l)?.[1] ?? 'rest')).toEqual([
      '0.3333333333',
      '0.5000000000',
      'rest',
    ]);
  });

  it('accepts --mode iptables and --node=NAME', () => {
    const a = cli(['rules', SEED, '--node', 'node-c']);
    expect(cli(['rules', SEED, '--mode', 'iptables', '--node=node-c'])).toEqual(a);
    expect(a.stdout).toContain('"default/web-app has no local endpoints"');
  });

  it('--format save prints the tables as iptables-save shows them (headers first, /32, kernel probabilities)', () => {
    const r = cli(['rules', SEED, '--node', 'node-a', '--format', 'save']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\*filter\n:INPUT ACCEPT \[0:0\]\n/);
    const svc = `KUBE-SVC-${hash16('default/web-apptcp')}`;
    expect(r.stdout).toContain(
      `-A KUBE-SERVICES -d 10.96.0.20/32 -p tcp -m comment --comment "default/web-app cluster IP" -m tcp --dport 80 -j ${svc}\n`,
    );
    expect(r.stdout).toContain(' --probability 0.33333333349 ');
  });

  it('--mode nftables prints the ip kube-proxy transaction, with the nftables chain names', () => {
    const r = cli(['rules', SEED, '--node', 'node-a', '--mode', 'nftables']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^add table ip kube-proxy \{ comment "rules for kube-proxy" ; \}\n/);
    const base = `${hash8('default/web-app/tcp/')}-default/web-app/tcp/`;
    expect(r.stdout).toContain(
      `add element ip kube-proxy service-ips { 10.96.0.20 . tcp . 80 : goto service-${base} }\n`,
    );
    expect(r.stdout).toMatch(/numgen random mod 3 vmap \{ 0 : goto endpoint-/);
    expect(r.stderr).toMatch(/Service CIDR/);
  });

  it('--mode nftables --format list prints the table as nft list table shows it', () => {
    const r = cli(['rules', SEED, '--node', 'node-a', '--mode', 'nftables', '--format', 'list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^table ip kube-proxy \{\n\tcomment "rules for kube-proxy"\n\tset cluster-ips \{\n/);
    expect(r.stdout).toContain('\t\ttype nat hook prerouting priority dstnat; policy accept;\n');
  });

  it('--mode ipvs prints ipvsadm -Ln, the ipsets and the iptables part', () => {
    const r = cli(['rules', SEED, '--node', 'node-a', '--mode', 'ipvs']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# \$ ipvsadm -Ln\nIP Virtual Server version 1\.2\.1 \(size=4096\)\n/);
    expect(r.stdout).toMatch(/^TCP  10\.96\.0\.20:80 rr$/m);
    expect(r.stdout).toContain('add KUBE-CLUSTER-IP 10.96.0.20,tcp:80\n');
    expect(r.stdout).toContain('*nat\n:KUBE-SERVICES - [0:0]\n');
  });

  it('prints its assumptions on stderr as comments (no clusterCIDR: the covering CIDR of the Pods)', () => {
    const text = readFileSync(join(ROOT, SEED), 'utf8').replace(/^\s*clusterCIDR:.*\n/m, '');
    const file = join(tmp, 'no-cidr.yaml');
    writeFileSync(file, text);
    const r = cli(['rules', file, '--node', 'node-a']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^# The scenario gives no clusterCIDR; the detector's CIDR shown is 10\.244\.0\.0\/\d+/,
    );
  });

  it.each([
    ['no --node', ['rules', SEED], /rules needs --node NAME/],
    ['--node without a value', ['rules', SEED, '--node'], /--node needs a value/],
    [
      'an unknown node',
      ['rules', SEED, '--node', 'node-x'],
      /no node named "node-x" in the scenario \(nodes: node-a, node-b, node-c\)/,
    ],
    [
      'list for iptables',
      ['rules', SEED, '--node', 'node-a', '--mode', 'iptables', '--format', 'list'],
      /--format list is for nftables and ipvs/,
    ],
    [
      'an unknown mode',
      ['rules', SEED, '--node', 'node-a', '--mode', 'ebpf'],
      /--mode must be one of iptables, nftables, ipvs \(got "ebpf"\)/,
    ],
    [
      'an unknown format',
      ['rules', SEED, '--node', 'node-a', '--format', 'json'],
      /--format must be restore, save or list \(got "json"\)/,
    ],
    [
      'save for nftables',
      ['rules', SEED, '--node', 'node-a', '--mode', 'nftables', '--format', 'save'],
      /--format save is for iptables/,
    ],
    ['an unknown flag', ['rules', SEED, '--node', 'node-a', '--verbose'], /unexpected argument "--verbose"/],
  ])('%s exits 2 with a message and no stack trace', (_name, args, message) => {
    const r = cli(args);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a cilium scenario without --mode (kube-proxy does not program that node)', () => {
    const text = readFileSync(join(ROOT, SEED), 'utf8').replace(/proxyMode: \w+/, 'proxyMode: cilium-snat');
    const file = join(tmp, 'cilium.yaml');
    expect(text).toContain('proxyMode: cilium-snat');
    writeFileSync(file, text);
    const r = cli(['rules', file, '--node', 'node-a']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/proxyMode is cilium-snat/);
  });
});
