/** @jest-environment node */
import { addressKey, bareAddress, clientKey, parseTrustProxy } from '@/lib/drills/client-address';

describe('clientKey: which X-Forwarded-For entry is the client', () => {
  const none = parseTrustProxy(undefined);

  it.each([
    ['no header', null, 'unknown'],
    ['the socket address Next filled in', '203.0.113.9', '203.0.113.9'],
    ['entries a client made up before the one the proxy appended', '1.1.1.1, 2.2.2.2, 203.0.113.9', '203.0.113.9'],
    ['an address with a port', '203.0.113.9:51234', '203.0.113.9'],
    ['an IPv4-mapped IPv6 address', '::ffff:203.0.113.9', '203.0.113.9'],
    ['garbage', 'not-an-ip', 'unknown'],
  ])('trusting no proxy: %s', (_n, header, expected) => {
    expect(clientKey(header, none)).toBe(expected);
  });

  it('rotating the first entry does not change the key (the old limiter keyed on it)', () => {
    const keys = new Set(Array.from({ length: 50 }, (_, i) => clientKey(`10.0.${i}.1, 203.0.113.9`, none)));
    expect([...keys]).toEqual(['203.0.113.9']);
  });

  it.each(['0', 'false', 'none', ' '])('TRUST_PROXY=%p trusts no proxy', (raw) => {
    expect(parseTrustProxy(raw)).toEqual({ hops: 0 });
  });

  it('with 2 hops the client is the second entry from the right', () => {
    expect(clientKey('6.6.6.6, 198.51.100.4, 10.0.0.2', parseTrustProxy('2'))).toBe('198.51.100.4');
    expect(clientKey('198.51.100.4', parseTrustProxy('2'))).toBe('198.51.100.4');
  });

  it('with a list, trusted proxies are skipped from the right', () => {
    const trust = parseTrustProxy('10.0.0.0/8, 192.168.1.7, fd00::/8');
    expect(clientKey('6.6.6.6, 198.51.100.4, 192.168.1.7, 10.1.2.3', trust)).toBe('198.51.100.4');
    expect(clientKey('198.51.100.4, fd00::1', trust)).toBe('198.51.100.4');
    expect(clientKey('10.0.0.1, 10.0.0.2', trust)).toBe('10.0.0.1');
  });

  it.each(['10.0.0.0/33', 'proxy.example', '1.2.3.4/8/1', '2001:db8::/129', '99'])('refuses TRUST_PROXY=%p with a clear message', (raw) => {
    expect(() => parseTrustProxy(raw)).toThrow(/TRUST_PROXY/);
  });

  it('counts an IPv6 client by its /64', () => {
    expect(clientKey('2001:db8:1:2:aaaa::1', none)).toBe('2001:db8:1:2::/64');
    expect(clientKey('[2001:db8:1:2:bbbb::9]:443', none)).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(bareAddress('[::1]:80')).toBe('::1');
  });
});
