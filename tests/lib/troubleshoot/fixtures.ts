/** Scenarios shared by the troubleshoot tests: two nodes, the Service "web" (app=web, 80 → 8080) and a client Pod. */
import type { ScenarioInput } from '@/lib/engine';

type Spec = ScenarioInput['service']['spec'];
type PodInput = NonNullable<ScenarioInput['cluster']['pods']>[number];

export const NODES = [
  { name: 'node-a', ip: '10.0.1.10', podCIDR: '10.244.1.0/24' },
  { name: 'node-b', ip: '10.0.1.11', podCIDR: '10.244.2.0/24' },
];

export const web = (name: string, node: string, ip: string, extra: Partial<PodInput> = {}): PodInput => ({
  name,
  node,
  ip,
  labels: { app: 'web' },
  ...extra,
});

export const CLIENT: PodInput = {
  name: 'client',
  node: 'node-a',
  ip: '10.244.1.9',
  labels: { app: 'client' },
};

export const TWO_WEB: PodInput[] = [
  web('web-1', 'node-a', '10.244.1.5'),
  web('web-2', 'node-b', '10.244.2.7'),
  CLIENT,
];

export function scenario(
  spec: Partial<Spec> = {},
  pods: PodInput[] = TWO_WEB,
  extra: Partial<Omit<ScenarioInput, 'service' | 'cluster'>> & {
    cluster?: Partial<ScenarioInput['cluster']>;
    status?: ScenarioInput['service']['status'];
  } = {},
): ScenarioInput {
  const { cluster, status, ...rest } = extra;
  return {
    cluster: { nodes: NODES, pods, ...cluster },
    service: {
      metadata: { name: 'web' },
      spec: {
        selector: { app: 'web' },
        clusterIP: '10.96.0.10',
        ports: [{ port: 80, targetPort: 8080 }],
        ...spec,
      },
      ...(status ? { status } : {}),
    },
    ...rest,
  } as ScenarioInput;
}

/** The text of lines, each followed by a newline (how kubectl ends every line). */
export const lines = (...ls: string[]) => ls.map((l) => `${l}\n`).join('');
