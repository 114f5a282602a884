/**
 * What kubectl output cannot tell: the balancer family in front of the cluster (loadBalancer.provider) and the
 * network plugin (cluster.cni). A plausible default is guessed from the nodes' providerIDs and labels and from
 * the Service's annotations, and returned as an assumption so that the page can ask and the CLI can report.
 */
export interface Assumption {
  /** Scenario field, e.g. `loadBalancer.provider`. */
  field: string;
  value: string;
  why: string;
}

export interface ProviderGuess {
  platform: 'gke' | 'eks' | 'aks' | 'kind' | 'unknown';
  /** The providerID scheme seen (gce, aws, azure, kind) or the label that gave it away. */
  evidence: string;
}

export function guessPlatform(nodes: readonly { providerID?: string; labels?: Record<string, string> }[]): ProviderGuess {
  for (const n of nodes) {
    const scheme = /^([a-z0-9-]+):\/\//.exec(n.providerID ?? '')?.[1];
    if (scheme === 'gce') return { platform: 'gke', evidence: `providerID ${scheme}://` };
    if (scheme === 'aws') return { platform: 'eks', evidence: `providerID ${scheme}://` };
    if (scheme === 'azure') return { platform: 'aks', evidence: `providerID ${scheme}://` };
    if (scheme === 'kind') return { platform: 'kind', evidence: `providerID ${scheme}://` };
  }
  for (const n of nodes) {
    const l = n.labels ?? {};
    if ('cloud.google.com/gke-nodepool' in l) return { platform: 'gke', evidence: 'label cloud.google.com/gke-nodepool' };
    if ('eks.amazonaws.com/nodegroup' in l) return { platform: 'eks', evidence: 'label eks.amazonaws.com/nodegroup' };
    if ('kubernetes.azure.com/cluster' in l) return { platform: 'aks', evidence: 'label kubernetes.azure.com/cluster' };
  }
  return { platform: 'unknown', evidence: 'no providerID or cloud label recognised' };
}

const AWS_LB_TYPE = 'service.beta.kubernetes.io/aws-load-balancer-type';

/** loadBalancer.provider, or null when no balancer is to be assumed (kind has none). */
export function guessProvider(guess: ProviderGuess, annotations: Record<string, string>): Assumption | null {
  switch (guess.platform) {
    case 'gke':
      return { field: 'loadBalancer.provider', value: 'gcp', why: `nodes have ${guess.evidence}: a GKE cluster, behind a Google Cloud passthrough Network Load Balancer` };
    case 'eks': {
      const type = annotations[AWS_LB_TYPE];
      return type === 'nlb' || type === 'external' || type === 'nlb-ip'
        ? { field: 'loadBalancer.provider', value: 'aws-nlb', why: `nodes have ${guess.evidence} and the Service has ${AWS_LB_TYPE}: ${type}: an AWS Network Load Balancer` }
        : { field: 'loadBalancer.provider', value: 'aws-clb', why: `nodes have ${guess.evidence} and the Service has no ${AWS_LB_TYPE} annotation: the in-tree controller makes a Classic Load Balancer` };
    }
    case 'aks':
      return { field: 'loadBalancer.provider', value: 'azure', why: `nodes have ${guess.evidence}: an AKS cluster, behind an Azure Load Balancer` };
    case 'kind':
      return null;
    default:
      return { field: 'loadBalancer.provider', value: 'generic', why: `${guess.evidence}: a generic balancer that checks every node` };
  }
}

/** cluster.cni, or null when no preset is a plausible default. */
export function guessCni(guess: ProviderGuess): Assumption | null {
  switch (guess.platform) {
    case 'gke':
      return { field: 'cluster.cni', value: 'gke', why: `nodes have ${guess.evidence}: GKE's own routed pod network` };
    case 'eks':
      return { field: 'cluster.cni', value: 'aws-vpc', why: `nodes have ${guess.evidence}: EKS runs the Amazon VPC CNI` };
    case 'kind':
      return { field: 'cluster.cni', value: 'kindnet', why: `nodes have ${guess.evidence}: kind runs kindnet` };
    default:
      return null;
  }
}
