/** Per-data-plane differences (§11). */
export { proxyModeTraits } from './proxy-modes';
export type { ProxyModeTraits } from './proxy-modes';
