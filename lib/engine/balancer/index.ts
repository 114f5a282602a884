/** The external load balancer's first stage: targets, checks and how new connections are spread over nodes (R-LB-6, R-LBK-*). */
export { balancerPlan, podTargetPlan, type BalancerPlan, type PodTargetPlan } from './plan';
export { nodePassesBalancerCheck, registeredTargets } from './targets';
export { layer2Announcement, bgpAnnouncement, type Announcement } from './metallb';
export { sha256, sha256Hex } from './sha256';
