/**
 * The rules kube-proxy programs on one node for a scenario (issue 14): chain names hashed as kube-proxy hashes
 * them, rules in its order and text. Pure: no I/O. iptables, nftables and IPVS (kube-proxy v1.33, see version.ts).
 *
 *   renderIptables(scenario, node)            the filter and nat tables kube-proxy writes (iptables-restore input)
 *   renderIptablesServices(scenarios, node)   several Services over one cluster into one table set
 *   iptablesSave(rendering)                   the same tables as `iptables-save` prints them back on a node
 *   renderNftables(scenario, node)            the `ip kube-proxy` table as the transaction kube-proxy sends to nft
 *   nftListTable(rendering.lines)             the same table as `nft list table ip kube-proxy` prints it
 *   renderIpvs(scenario, node)                `ipvsadm -Ln`, `ipset save` and the iptables part of IPVS mode
 *   rulesText(scenario, node, mode, format)   any of them as text (the CLI and the explorer panel)
 *   flowRules / tracePacket                   the rules one flow traverses, each packet-walk step's lines
 *   flowRulesNft / traceNft, flowRulesIpvs    the same over `nft list table` and the IPVS text
 *   serviceChainNames / endpointChainName     KUBE-SVC/SVL/EXT/FW- and KUBE-SEP- names
 */
export {
  renderIptables,
  renderIptablesServices,
  kubeProxyProbability,
  RulesError,
  DEFAULT_MASQUERADE_MARK,
} from './iptables';
export type {
  IptablesOptions,
  IptablesRendering,
  IptablesRule,
  IptablesTable,
  IptablesTableName,
} from './iptables';
export { iptablesSave, saveRule, savedProbability } from './iptables-save';
export { renderNftables, renderNftablesServices } from './nftables';
export type { NftablesOptions, NftablesRendering } from './nftables';
export {
  serviceChainNames,
  endpointChainName,
  servicePortName,
  portProtoHash,
  nftServiceChainBase,
  nftEndpointChainBase,
} from './names';
export type { ServiceChainNames } from './names';
export { KUBE_PROXY_SOURCE } from './version';
export { nftListTable, nftListRule, nftPriority, nftTime } from './nft-list';
export { renderIpvs, renderIpvsServices, ipvsadmList } from './ipvs';
export type {
  IpvsOptions,
  IpvsRendering,
  IpvsVirtualServer,
  IpvsRealServer,
  IpSet,
  VirtualServerKind,
} from './ipvs';
export { rulesText, RULE_MODES, RULE_FORMATS } from './render';
export type { RulesMode, RulesFormat } from './render';
export { externalPolicyChains } from './policy-chains';
export type { PolicyChains } from './policy-chains';
export { tracePacket, traceIpvsPacket } from './trace';
export type { TraceResult } from './trace';
export { flowRules, flowRulesNft, flowRulesIpvs, ruleIdsOfLine, ruleIdsOfNftLine, ruleIdsOfIpvsLine } from './flow-rules';
export { traceNft } from './nft-trace';
export type { NftPacket, NftTraceResult } from './nft-trace';
export type { FlowRules } from './flow-rules';
