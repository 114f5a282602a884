/** Pure SHA-256 (runs in the browser): kube-proxy's chain names (rules/) and MetalLB's leader order (balancer/). */
export { sha256, sha256Hex, toHex, utf8Bytes } from './sha256';
