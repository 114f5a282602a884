/**
 * IPv4 arithmetic for the scenario reader: enough to check addresses against CIDRs and to derive a node's
 * bridge IP. Inputs are already validated by the schema (z.ipv4 / z.cidrv4), so parsing never fails here.
 */

/** The address as an unsigned 32-bit number. */
export function ipToNumber(ip: string): number {
  const parts = ip.split('.');
  let n = 0;
  for (const p of parts) n = n * 256 + Number(p);
  return n >>> 0;
}

export function numberToIp(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export interface Cidr {
  /** Network address (host bits cleared). */
  network: number;
  prefix: number;
}

export function parseCidr(cidr: string): Cidr {
  const [addr = '0.0.0.0', len = '32'] = cidr.split('/');
  const prefix = Number(len);
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return { network: (ipToNumber(addr) & mask) >>> 0, prefix };
}

export function cidrContains(cidr: string, ip: string): boolean {
  const { network, prefix } = parseCidr(cidr);
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return ((ipToNumber(ip) & mask) >>> 0) === network;
}

/**
 * The first usable address of a CIDR: the network address + 1 (what a bridge CNI gives cni0/cbr0, e.g.
 * 10.244.1.0/24 → 10.244.1.1). For /31 and /32, which have no network/broadcast pair, the first address.
 */
export function firstAddress(cidr: string): string {
  const { network, prefix } = parseCidr(cidr);
  return numberToIp(prefix >= 31 ? network : network + 1);
}

/** The network address of a CIDR (flannel's vxlan device address for a node's lease, R-CNI-3: 10.244.1.0/24 → 10.244.1.0). */
export function networkAddress(cidr: string): string {
  return numberToIp(parseCidr(cidr).network);
}
