/**
 * What the import page asks (the balancer family, the network plugin, kube-proxy's mode when no ConfigMap told
 * it): the options in words, the preselected defaults (the import's assumptions), and the scenario with the
 * learner's answers applied. Pure.
 */
import { CNI_PRESETS, LB_PROVIDERS, PROXY_MODES, type LoadBalancerProvider, type ProxyMode } from '@/lib/engine';
import type { CniPreset } from '@/lib/engine/scenario/schema';
import type { Assumption } from './assumptions';
import { readerCapabilities } from './capabilities';
import type { ImportedScenario } from './import-cluster';

export const PROVIDER_LABEL: Record<LoadBalancerProvider, string> = {
  generic: 'Generic balancer: checks every node, equal over the nodes that pass',
  gcp: 'Google Cloud passthrough Network Load Balancer (GKE)',
  'aws-nlb': 'AWS Network Load Balancer (EKS, aws-load-balancer-type nlb)',
  'aws-clb': 'AWS Classic Load Balancer (EKS in-tree default)',
  azure: 'Azure Load Balancer (AKS)',
  'metallb-l2': 'MetalLB, layer 2: one announcing node',
  'metallb-bgp': 'MetalLB, BGP: ECMP over the announcing nodes',
};

export const CNI_LABEL: Record<CniPreset, string> = {
  kubenet: 'kubenet (bridge, direct routing)',
  bridge: 'bridge plugin (bridge, direct routing)',
  'flannel-host-gw': 'Flannel host-gw (bridge, direct routing)',
  'flannel-vxlan': 'Flannel VXLAN (bridge, overlay tunnel)',
  kindnet: 'kindnet (kind’s plugin: veth with a gateway, direct routing)',
  gke: 'GKE’s routed pod network (veth with a gateway, direct routing)',
  'calico-bgp': 'Calico BGP (unnumbered veth, direct routing)',
  'aws-vpc': 'Amazon VPC CNI (unnumbered veth, direct routing)',
  'calico-ipip': 'Calico IPIP (unnumbered veth, overlay tunnel)',
  'calico-vxlan': 'Calico VXLAN (unnumbered veth, overlay tunnel)',
};
/** No preset: the engine's default, a bridge and direct routing (R-CNI-5). */
export const CNI_UNSET = 'unset';
export const CNI_UNSET_LABEL = 'Not known: a Linux bridge and direct routing (the engine’s default)';

export const PROXY_MODE_LABEL: Record<ProxyMode, string> = {
  iptables: 'iptables (kube-proxy’s default on Linux)',
  nftables: 'nftables',
  ipvs: 'IPVS',
  'cilium-snat': 'Cilium kube-proxy replacement, SNAT mode',
  'cilium-dsr': 'Cilium kube-proxy replacement, DSR mode',
};

export const PROVIDERS = LB_PROVIDERS;
export const CNIS = Object.keys(CNI_PRESETS) as CniPreset[];
export { PROXY_MODES };

export interface ImportChoices {
  provider: LoadBalancerProvider;
  cni: CniPreset | typeof CNI_UNSET;
  proxyMode: ProxyMode;
}

/**
 * Which questions the page asks for this import: the balancer only for a LoadBalancer Service, the mode only when
 * no ConfigMap gave it; none the engine's reader does not take.
 */
export interface ImportQuestions {
  provider: boolean;
  cni: boolean;
  proxyMode: boolean;
}

export function importQuestions(scenario: ImportedScenario, assumptions: readonly Assumption[]): ImportQuestions {
  const type = (scenario.service.spec as { type?: string } | undefined)?.type;
  const caps = readerCapabilities();
  return {
    provider: type === 'LoadBalancer' && caps.provider,
    cni: caps.cni,
    proxyMode: assumptions.some((a) => a.field === 'cluster.proxyMode'),
  };
}

/** The import's own values: its assumptions where it made them, else what the scenario already says. */
export function defaultChoices(scenario: ImportedScenario): ImportChoices {
  const provider = scenario.loadBalancer?.provider;
  const cni = scenario.cluster.cni;
  const mode = scenario.cluster.proxyMode;
  return {
    provider: typeof provider === 'string' && (LB_PROVIDERS as readonly string[]).includes(provider) ? (provider as LoadBalancerProvider) : 'generic',
    cni: typeof cni === 'string' && cni in CNI_PRESETS ? (cni as CniPreset) : CNI_UNSET,
    proxyMode: typeof mode === 'string' && (PROXY_MODES as readonly string[]).includes(mode) ? (mode as ProxyMode) : 'iptables',
  };
}

/** The imported scenario with the learner's answers in place of the guesses. */
export function withChoices(scenario: ImportedScenario, choices: ImportChoices, questions: ImportQuestions): ImportedScenario {
  const cluster = { ...scenario.cluster };
  if (questions.cni) {
    if (choices.cni === CNI_UNSET) delete cluster.cni;
    else cluster.cni = choices.cni;
  }
  if (questions.proxyMode) cluster.proxyMode = choices.proxyMode;
  const out: ImportedScenario = { ...scenario, cluster };
  if (questions.provider) out.loadBalancer = { ...scenario.loadBalancer, provider: choices.provider };
  return out;
}
