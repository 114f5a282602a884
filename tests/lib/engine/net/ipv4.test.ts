/** The one IPv4 module: parsing never throws (NaN / null), derivations throw on what the schema lets through only by mistake. */
import { anyCidrContains, cidrContains, firstAddress, intToIpv4, ipv4ToInt, networkAddress, parseCidr } from '@/lib/engine/net';

describe('ipv4ToInt / intToIpv4', () => {
  it('round-trips an address through its 32-bit value', () => {
    expect(ipv4ToInt('10.96.0.10')).toBe(10 * 2 ** 24 + 96 * 2 ** 16 + 10);
    expect(intToIpv4(ipv4ToInt('255.255.255.255'))).toBe('255.255.255.255');
    expect(intToIpv4(ipv4ToInt('10.96.0.255') + 1)).toBe('10.96.1.0');
  });
  it('gives NaN for what is not a dotted quad', () => {
    expect(ipv4ToInt('10.0.0')).toBeNaN();
    expect(ipv4ToInt('10.0.0.256')).toBeNaN();
  });
});

describe('parseCidr', () => {
  it('clears the host bits', () => {
    expect(parseCidr('10.244.1.7/24')).toEqual({ base: ipv4ToInt('10.244.1.0'), bits: 24, text: '10.244.1.7/24' });
  });
  it('is null for an invalid CIDR instead of throwing', () => {
    expect(parseCidr('10.0.0.0/33')).toBeNull();
    expect(parseCidr('10.0.0.0')).toBeNull();
  });
  it('matches addresses inside, and not outside, a range', () => {
    expect(cidrContains('10.244.0.0/16', '10.244.3.4')).toBe(true);
    expect(cidrContains('10.244.0.0/16', '10.245.0.1')).toBe(false);
    expect(cidrContains('0.0.0.0/0', '192.0.2.1')).toBe(true);
    expect(anyCidrContains(['192.0.2.0/24', '10.0.0.0/8'], '10.1.2.3')).toBe(true);
  });
});

describe('firstAddress / networkAddress', () => {
  it('gives the bridge address (network + 1) and the network address', () => {
    expect(firstAddress('10.244.1.0/24')).toBe('10.244.1.1');
    expect(networkAddress('10.244.1.0/24')).toBe('10.244.1.0');
  });
  it('uses the first address itself for /31 and /32', () => {
    expect(firstAddress('192.0.2.4/31')).toBe('192.0.2.4');
    expect(firstAddress('192.0.2.9/32')).toBe('192.0.2.9');
  });
  it('throws with the CIDR named when it is invalid', () => {
    expect(() => firstAddress('10.244.1.0/40')).toThrow('not an IPv4 CIDR: "10.244.1.0/40"');
  });
});
