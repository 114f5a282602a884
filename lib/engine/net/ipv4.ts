/**
 * IPv4 addresses and CIDRs as kube-proxy matches them: the local-traffic detector's cluster CIDR (R-EXT-4),
 * loadBalancerSourceRanges (R-FW-1) and --nodeport-addresses (R-NP-1); and the addresses the scenario
 * reader derives (a node's bridge and tunnel IP, the next free ClusterIP). Pure arithmetic on 32-bit integers.
 * The one contract: parsing never throws; an invalid address is NaN and an invalid CIDR is null.
 */

import { memoizeString } from './memo';

/** Parses a dotted-quad IPv4 address to an unsigned 32-bit integer; NaN when it is not one (memoised). */
export const ipv4ToInt: (ip: string) => number = memoizeString((ip) => parseIPv4(ip));

function parseIPv4(ip: string): number {
  const parts = ip.trim().split('.');
  if (parts.length !== 4) return NaN;
  let value = 0;
  for (const part of parts) {
    if (!/^[0-9]{1,3}$/.test(part)) return NaN;
    const octet = Number(part);
    if (octet > 255) return NaN;
    value = value * 256 + octet;
  }
  return value;
}

export interface Cidr {
  /** The network address as an integer. */
  base: number;
  /** Prefix length 0..32. */
  bits: number;
  text: string;
}

/** Parses "10.0.0.0/8" (surrounding whitespace ignored, as kube-proxy does for source ranges); null if invalid (memoised). */
export const parseCidr: (text: string) => Cidr | null = memoizeString((text) => parseCidrText(text));

function parseCidrText(text: string): Cidr | null {
  const [addr, prefix, extra] = text.trim().split('/');
  let result: Cidr | null = null;
  if (addr !== undefined && prefix !== undefined && extra === undefined && /^[0-9]{1,2}$/.test(prefix)) {
    const bits = Number(prefix);
    const ip = ipv4ToInt(addr);
    if (bits <= 32 && !Number.isNaN(ip)) {
      result = { base: maskOf(ip, bits), bits, text };
    }
  }
  return result;
}

function maskOf(ip: number, bits: number): number {
  if (bits === 0) return 0;
  // 32-bit operations (ip < 2^32): the same as Math.floor(ip / 2 ** hostBits) * 2 ** hostBits, without the powers.
  return (ip & (-1 << (32 - bits))) >>> 0;
}

/** Whether `ip` lies inside `cidr` (false for anything unparsable). */
export function cidrContains(cidr: string, ip: string): boolean {
  const c = parseCidr(cidr);
  const v = ipv4ToInt(ip);
  if (!c || Number.isNaN(v)) return false;
  return maskOf(v, c.bits) === c.base;
}

/** Whether any of `cidrs` contains `ip`. */
export function anyCidrContains(cidrs: readonly string[], ip: string): boolean {
  for (const c of cidrs) if (cidrContains(c, ip)) return true;
  return false;
}

/** An unsigned 32-bit integer as a dotted quad (the inverse of ipv4ToInt). */
export function intToIpv4(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

function validCidr(cidr: string): Cidr {
  const c = parseCidr(cidr);
  // The schema (z.cidrv4) has checked every CIDR the reader derives an address from.
  if (!c) throw new Error(`not an IPv4 CIDR: ${JSON.stringify(cidr)}`);
  return c;
}

/**
 * The first usable address of a CIDR: the network address + 1 (what a bridge CNI gives cni0/cbr0, e.g.
 * 10.244.1.0/24 → 10.244.1.1). For /31 and /32, which have no network/broadcast pair, the first address.
 * Throws on an invalid CIDR.
 */
export function firstAddress(cidr: string): string {
  const { base, bits } = validCidr(cidr);
  return intToIpv4(bits >= 31 ? base : base + 1);
}

/** The network address of a CIDR (flannel's vxlan device address for a node's lease, R-CNI-3: 10.244.1.0/24 → 10.244.1.0). Throws on an invalid CIDR. */
export function networkAddress(cidr: string): string {
  return intToIpv4(validCidr(cidr).base);
}

export const LOOPBACK_IP = '127.0.0.1';
