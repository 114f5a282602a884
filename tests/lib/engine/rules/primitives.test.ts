/**
 * The pieces under the renderer, each checked against an independent reference: SHA-256 against the NIST
 * FIPS 180-2 / CAVP example vectors, base32 against RFC 4648 §10, chain names against names printed in
 * kube-proxy's tests and on real clusters, probabilities against kube-proxy's TestComputeProbability.
 */
import { formatFixed } from '@/lib/engine/rules/decimal';
import { base32, endpointChainName, serviceChainNames } from '@/lib/engine/rules/names';
import { sha256, toHex, utf8Bytes } from '@/lib/engine/rules/sha256';
import { kubeProxyProbability } from '@/lib/engine/rules';

describe('sha256 (NIST vectors)', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
  ])('sha256(%j)', (input, digest) => {
    expect(toHex(sha256(input))).toBe(digest);
  });

  it('hashes one million "a" (the long NIST vector, many blocks)', () => {
    expect(toHex(sha256(new Uint8Array(1_000_000).fill(0x61)))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('pads correctly at the 55/56/64-byte block boundaries (each differs from its neighbour)', () => {
    const digests = [55, 56, 63, 64, 65].map((n) => toHex(sha256('a'.repeat(n))));
    expect(new Set(digests).size).toBe(5);
    // 'a' × 64, from the CAVP short-message style check done with coreutils sha256sum.
    expect(digests[3]).toBe('ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb');
  });

  it('encodes strings as UTF-8 like Go []byte(string)', () => {
    expect([...utf8Bytes('é€😀')]).toEqual([0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
  });
});

describe('base32 (RFC 4648 §10 vectors)', () => {
  it.each([
    ['', ''],
    ['f', 'MY======'],
    ['fo', 'MZXQ===='],
    ['foo', 'MZXW6==='],
    ['foob', 'MZXW6YQ='],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI======'],
  ])('base32(%j) = %j', (input, encoded) => {
    expect(base32(utf8Bytes(input))).toBe(encoded);
  });
});

describe('chain names as kube-proxy computes them', () => {
  it.each([
    // From TestOverallIPTablesRules / TestSyncProxyRulesRepeated expectations.
    ['ns1/svc1:p80', 'tcp', 'XPGD46QRK7WJZT7O'],
    ['ns2/svc2:p80', 'tcp', 'GNZBNJ2PO5MGZ6GT'],
    ['ns5/svc5:p80', 'tcp', 'NUKIZ6OKUXPJNT4C'],
    ['ns2/svc2:p8080', 'tcp', '2VJB64SDSIJUP5T6'],
    // On every real cluster: default/kubernetes:https and kube-dns.
    ['default/kubernetes:https', 'tcp', 'NPX46M4PTMTKRN6Y'],
    ['kube-system/kube-dns:dns', 'udp', 'TCOU7JCQXEZGVUNU'],
    ['kube-system/kube-dns:dns-tcp', 'tcp', 'ERIFXISQEP7F7OF4'],
  ])('%s %s → KUBE-SVC-%s', (name, protocol, hash) => {
    expect(serviceChainNames(name, protocol)).toEqual({
      cluster: `KUBE-SVC-${hash}`,
      local: `KUBE-SVL-${hash}`,
      external: `KUBE-EXT-${hash}`,
      firewall: `KUBE-FW-${hash}`,
    });
  });

  it.each([
    ['ns1/svc1:p80', '10.180.0.1:80', 'KUBE-SEP-SXIVWICOYRO3J4NJ'],
    ['ns5/svc5:p80', '10.180.0.3:80', 'KUBE-SEP-I77PXRDZVX7PMWMN'],
    ['ns3/svc3:p80', '10.0.3.1:80', 'KUBE-SEP-BSWRHOQ77KEXZLNL'],
    ['ns1/svc1:p80', '10.0.0.0:80', 'KUBE-SEP-DKGQUZGBKLTPAR56'],
  ])('%s endpoint %s → %s', (name, endpoint, chain) => {
    expect(endpointChainName(name, 'tcp', endpoint)).toBe(chain);
  });
});

describe('probabilities (TestComputeProbability, Go %0.10f)', () => {
  it.each([
    [1, '1.0000000000'],
    [2, '0.5000000000'],
    [3, '0.3333333333'],
    [10, '0.1000000000'],
    [100, '0.0100000000'],
    [1000, '0.0010000000'],
    [10000, '0.0001000000'],
    [100000, '0.0000100000'],
    [100001, '0.0000099999'],
  ])('1/%d → %s', (n, text) => {
    expect(kubeProxyProbability(n)).toBe(text);
  });

  it('rounds exact ties half-to-even as Go does (1/2048 = 0.00048828125 exactly)', () => {
    expect(kubeProxyProbability(2048)).toBe('0.0004882812');
    expect((1 / 2048).toFixed(10)).toBe('0.0004882813'); // why formatFixed exists
    expect(formatFixed(0.375, 2)).toBe('0.38'); // 0.375 is exact: tie, 7 is odd → up
    expect(formatFixed(0.125, 2)).toBe('0.12'); // tie, 2 is even → stays
  });

  it('decreases strictly from 1/2 to 1/100000', () => {
    let previous = 0;
    for (let n = 100000; n > 1; n--) {
      const p = Number(kubeProxyProbability(n));
      expect(p > previous).toBe(true);
      previous = p;
    }
  });
});
