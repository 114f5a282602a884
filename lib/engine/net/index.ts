/** IPv4 address and CIDR arithmetic (see ipv4.ts). */
export { ipv4ToInt, intToIpv4, parseCidr, cidrContains, anyCidrContains, firstAddress, networkAddress, LOOPBACK_IP } from './ipv4';
export type { Cidr } from './ipv4';
export { isLocalAddress } from './local-address';
export { memoizeString } from './memo';
