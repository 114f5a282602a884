/** Load shares: the two-stage model (R-LB-6, R-LB-7). */
export { loadShares, balancerNodeShares, nodePassesBalancerCheck } from './load-share';
export type { LoadShareResult } from './load-share';
