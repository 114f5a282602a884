/** `kubectl get svc,endpointslices,pods [-o wide]` for a scenario (printers.ts has the printers themselves). */
import type { PodModel, ScenarioInput } from '@/lib/engine';
import { clusterOf, type Cluster, endpointSliceObject, podObject, serviceObject } from './objects';
import {
  ENDPOINT_SLICE_COLUMNS,
  POD_COLUMNS,
  SERVICE_COLUMNS,
  endpointSliceRow,
  podRow,
  printTables,
  serviceRow,
  type Table,
} from './printers';
import type { GetOptions, GetResource } from './types';

/**
 * What `kubectl get <resources> [-o wide]` prints in the Service's namespace, kinds in the order typed. The
 * EndpointSlice is there when the Service has a selector or endpoints (a selector-less Service's slice is the
 * scenario's own list); every Pod of the scenario is listed, selected or not, in the API server's list order
 * (by name: the storage key order).
 */
export function kubectlGet(
  scenario: ScenarioInput,
  resources: readonly GetResource[],
  opts: GetOptions = {},
): string {
  const cluster = clusterOf(scenario);
  const wide = opts.wide ?? false;
  const workload = opts.workload;
  const tables: Table[] = [];
  for (const resource of new Set(resources)) {
    switch (resource) {
      case 'svc':
        tables.push({
          kind: 'service',
          columns: SERVICE_COLUMNS,
          rows: [serviceRow(serviceObject(cluster, workload), wide)],
        });
        break;
      case 'endpointslices': {
        const hasSlice = cluster.scenario.service.selector !== null || cluster.scenario.endpoints.length > 0;
        tables.push({
          kind: 'endpointslice.discovery.k8s.io',
          columns: ENDPOINT_SLICE_COLUMNS,
          rows: hasSlice ? [endpointSliceRow(endpointSliceObject(cluster, workload))] : [],
        });
        break;
      }
      case 'pods':
        tables.push({
          kind: 'pod',
          columns: POD_COLUMNS,
          rows: podsByName(cluster).map((p) => podRow(podObject(cluster, p, workload), wide)),
        });
        break;
    }
  }
  return printTables(tables, wide);
}

/** The API server lists objects in key order (namespace/name), so byte order of the names. */
function podsByName(cluster: Cluster): PodModel[] {
  return [...cluster.scenario.cluster.pods].sort((a, b) => (a.pod < b.pod ? -1 : a.pod > b.pod ? 1 : 0));
}
