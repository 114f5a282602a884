/**
 * Chain names exactly as kube-proxy's iptables proxier computes them (pkg/proxy/iptables/proxier.go:
 * portProtoHash, servicePortPolicyClusterChain, servicePortPolicyLocalChainName, serviceFirewallChainName,
 * serviceExternalChainName, servicePortEndpointChainName): the first 16 characters of the standard base32
 * encoding of sha256(servicePortName + protocol [+ endpoint]), after a fixed prefix. The service port name is
 * proxy.ServicePortName.String(): "namespace/name" plus ":port-name" when the port is named; the protocol is
 * lower case; the endpoint is "ip:port".
 */
import { sha256 } from '../hash';
import { memoizeString } from '../net';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 (Go's base32.StdEncoding), with '=' padding. */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  while (out.length % 8 !== 0) out += '=';
  return out;
}

/** proxy.ServicePortName.String(): "ns/name" or "ns/name:port". */
export function servicePortName(namespace: string, name: string, portName: string | null): string {
  return `${namespace}/${name}${portName ? `:${portName}` : ''}`;
}

/** kube-proxy portProtoHash: base32(sha256(servicePortName + protocol))[:16]. */
export function portProtoHash(servicePortNameString: string, protocol: string): string {
  return base32(sha256(servicePortNameString + protocol)).slice(0, 16);
}

/** The per-service-port chains (protocol in lower case, as kube-proxy passes it). */
export interface ServiceChainNames {
  /** KUBE-SVC-…: dispatch to the Cluster-policy endpoints. */
  cluster: string;
  /** KUBE-SVL-…: dispatch to the Local-policy endpoints. */
  local: string;
  /** KUBE-EXT-…: every external destination (NodePort, LB IP, externalIP). */
  external: string;
  /** KUBE-FW-…: loadBalancerSourceRanges. */
  firewall: string;
}

export function serviceChainNames(servicePortNameString: string, protocol: string): ServiceChainNames {
  const hash = portProtoHash(servicePortNameString, protocol);
  return {
    cluster: `KUBE-SVC-${hash}`,
    local: `KUBE-SVL-${hash}`,
    external: `KUBE-EXT-${hash}`,
    firewall: `KUBE-FW-${hash}`,
  };
}

/**
 * Names are pure functions of their inputs and every node of a layout asks for the same ones, so they are
 * memoised (kube-proxy likewise computes them once per endpoint, in newEndpointInfo). Bounded like net's caches.
 */
const endpointNames = new Map<string, string>();

/** kube-proxy servicePortEndpointChainName: KUBE-SEP- + base32(sha256(servicePortName + protocol + "ip:port"))[:16]. */
export function endpointChainName(servicePortNameString: string, protocol: string, endpoint: string): string {
  const key = servicePortNameString + protocol + endpoint;
  let name = endpointNames.get(key);
  if (name === undefined) {
    name = `KUBE-SEP-${base32(sha256(key)).slice(0, 16)}`;
    if (endpointNames.size > 100_000) endpointNames.clear();
    endpointNames.set(key, name);
  }
  return name;
}

/**
 * kube-proxy nftables hashAndTruncate: base32(sha256(name))[:8] + "-" + name, cut to 240 characters
 * (knftables.NameLengthMax 256 − the 16-character prefix allowance) with "..." when longer.
 */
export function nftHashAndTruncate(name: string): string {
  const full = `${base32(sha256(name)).slice(0, 8)}-${name}`;
  return full.length > 240 ? `${full.slice(0, 237)}...` : full;
}

/** nftables servicePortChainNameBase: "HASH-namespace/name/protocol/portName" (portName may be empty). */
export function nftServiceChainBase(
  namespace: string,
  name: string,
  protocol: string,
  portName: string | null,
): string {
  return nftHashAndTruncate(`${namespace}/${name}/${protocol}/${portName ?? ''}`);
}

const nftEndpointName = memoizeString((key) => nftHashAndTruncate(key));

/** nftables servicePortEndpointChainNameBase: "HASH-namespace/name/protocol/portName__ip/port". */
export function nftEndpointChainBase(
  namespace: string,
  name: string,
  protocol: string,
  portName: string | null,
  ip: string,
  port: number,
): string {
  const key = `${namespace}/${name}/${protocol}/${portName ?? ''}__${ip.replaceAll(':', '.')}/${port}`;
  return nftEndpointName(key);
}
