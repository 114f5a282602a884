/** IPv4 address and CIDR matching (see ipv4.ts). */
export { ipv4ToInt, parseCidr, cidrContains, anyCidrContains, LOOPBACK_IP } from './ipv4';
export type { Cidr } from './ipv4';
