/**
 * Which optional scenario fields the engine's reader accepts (scenario-format.md, "Additions (2026-12-01)").
 * The import never emits a field the reader refuses: each is probed once with parseScenario on a minimal
 * scenario, so the import follows the engine as it gains fields.
 */
import { parseScenario } from '@/lib/engine';

export interface ReaderCapabilities {
  /** cluster.cni (R-CNI-5) */
  cni: boolean;
  /** loadBalancer.provider (R-LBK) */
  provider: boolean;
  /** status.loadBalancer.ingress[] with a hostname and no ip (R-LBK-9) */
  hostnameIngress: boolean;
}

function accepts(patch: { cluster?: object; loadBalancer?: object; status?: object }): boolean {
  const scenario = {
    cluster: { nodes: [{ name: 'probe', ip: '10.0.0.1' }], ...patch.cluster },
    service: { metadata: { name: 'probe' }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }] }, ...(patch.status ? { status: patch.status } : {}) },
    ...(patch.loadBalancer ? { loadBalancer: patch.loadBalancer } : {}),
  };
  return parseScenario(scenario).ok;
}

let cached: ReaderCapabilities | undefined;

export function readerCapabilities(): ReaderCapabilities {
  cached ??= {
    cni: accepts({ cluster: { cni: 'kindnet' } }),
    provider: accepts({ loadBalancer: { provider: 'gcp' } }),
    hostnameIngress: accepts({ status: { loadBalancer: { ingress: [{ hostname: 'probe.example.com' }] } } }),
  };
  return cached;
}
