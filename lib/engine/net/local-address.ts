/**
 * Whether `ip` is an address of `node` in kube-proxy's `--src-type LOCAL` / `--dst-type LOCAL` sense
 * (routing-semantics.md §1 node-local; R-NP-1): its IP, its extra IPs, or 127.0.0.1.
 */
import type { NodeModel } from '../model';
import { LOOPBACK_IP } from './ipv4';

export function isLocalAddress(node: Pick<NodeModel, 'ip' | 'extraIPs'>, ip: string): boolean {
  return ip === node.ip || ip === LOOPBACK_IP || node.extraIPs.includes(ip);
}
