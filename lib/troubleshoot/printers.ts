/**
 * kubectl's table printers for Services, EndpointSlices and Pods: the cells of one row, as
 * kubernetes/kubernetes pkg/printers/internalversion/printers.go builds them (printService, printEndpointSlice,
 * printPod and their helpers), and the table as cli-runtime's HumanReadablePrinter prints it (printHeader,
 * printRows: upper-case headers, `kind/name` in the first cell with several kinds) through kubectl's tabwriter.
 */
import type { EndpointObject, EndpointPortObject, PodObject, ServiceObject } from './k8s';
import { GET_TABS, tabwrite } from './tabwriter';

/** A column of a table (printers.go AddHandlers: Name, and Priority 1 = only with -o wide). */
interface Column {
  name: string;
  wide?: boolean;
}

/** serviceColumnDefinitions */
export const SERVICE_COLUMNS: readonly Column[] = [
  { name: 'Name' },
  { name: 'Type' },
  { name: 'Cluster-IP' },
  { name: 'External-IP' },
  { name: 'Port(s)' },
  { name: 'Age' },
  { name: 'Selector', wide: true },
];

/** endpointSliceColumnDefinitions (no wide columns). */
export const ENDPOINT_SLICE_COLUMNS: readonly Column[] = [
  { name: 'Name' },
  { name: 'AddressType' },
  { name: 'Ports' },
  { name: 'Endpoints' },
  { name: 'Age' },
];

/** podColumnDefinitions */
export const POD_COLUMNS: readonly Column[] = [
  { name: 'Name' },
  { name: 'Ready' },
  { name: 'Status' },
  { name: 'Restarts' },
  { name: 'Age' },
  { name: 'IP', wide: true },
  { name: 'Node', wide: true },
  { name: 'Nominated Node', wide: true },
  { name: 'Readiness Gates', wide: true },
];

/** printers.go loadBalancerWidth: EXTERNAL-IP is clipped to 16 bytes unless -o wide. */
const LOAD_BALANCER_WIDTH = 16;

/** labels.FormatLabels: sorted `k=v` joined by ',', "<none>" when empty. */
export function formatLabels(labels: Record<string, string> | null): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/** printers.go loadBalancerStatusStringer: IPs (else hostnames) as a sorted set, clipped unless wide. */
function loadBalancerStatusStringer(svc: ServiceObject, wide: boolean): string {
  const set = new Set<string>();
  for (const i of svc.ingress) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  // sets.String.List() sorts byte-wise, as JS's default sort does for ASCII.
  let r = [...set].sort().join(',');
  if (!wide && r.length > LOAD_BALANCER_WIDTH) r = `${r.slice(0, LOAD_BALANCER_WIDTH - 3)}...`;
  return r;
}

/** printers.go getServiceExternalIP */
export function serviceExternalIP(svc: ServiceObject, wide: boolean): string {
  switch (svc.type) {
    case 'ClusterIP':
    case 'NodePort':
      return svc.externalIPs.length > 0 ? svc.externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lbIps = loadBalancerStatusStringer(svc, wide);
      if (svc.externalIPs.length > 0) {
        const results = lbIps.length > 0 ? lbIps.split(',') : [];
        return [...results, ...svc.externalIPs].join(',');
      }
      return lbIps.length > 0 ? lbIps : '<pending>';
    }
    case 'ExternalName':
      return svc.externalName;
  }
  return '<unknown>';
}

/** printers.go makePortString: `80/TCP`, `80:30080/TCP`, joined by ','. */
export function makePortString(svc: ServiceObject): string {
  return svc.ports
    .map((p) => (p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`))
    .join(',');
}

/** printers.go printService (R-KUBECTL-3) */
export function serviceRow(svc: ServiceObject, wide: boolean): string[] {
  const internalIP = svc.clusterIPs.length > 0 ? svc.clusterIPs[0]! : '<none>';
  const ports = makePortString(svc);
  const cells = [
    svc.name,
    svc.type,
    internalIP,
    serviceExternalIP(svc, wide),
    ports.length === 0 ? '<none>' : ports,
    svc.age,
  ];
  if (wide) cells.push(formatLabels(svc.selector));
  return cells;
}

/** printers.go listWithMoreString */
function listWithMoreString(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret === '' ? '<unset>' : ret;
}

/** printers.go formatDiscoveryPorts: at most 3, a nil port prints its name, else "*". */
export function formatDiscoveryPorts(ports: readonly EndpointPortObject[]): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const port of ports) {
    if (list.length < max) list.push(port.port !== null ? String(port.port) : (port.name ?? '*'));
    else if (list.length === max) more = true;
    count++;
  }
  return listWithMoreString(list, more, count, max);
}

/** printers.go formatDiscoveryEndpoints: every address of every endpoint, ready or not; at most 3. */
export function formatDiscoveryEndpoints(endpoints: readonly EndpointObject[]): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const endpoint of endpoints) {
    for (const address of endpoint.addresses) {
      if (list.length < max) list.push(address);
      else if (list.length === max) more = true;
      count++;
    }
  }
  return listWithMoreString(list, more, count, max);
}

/** printers.go printEndpointSlice (R-KUBECTL-4) */
export function endpointSliceRow(slice: {
  name: string;
  addressType: string;
  ports: readonly EndpointPortObject[];
  endpoints: readonly EndpointObject[];
  age: string;
}): string[] {
  return [
    slice.name,
    slice.addressType,
    formatDiscoveryPorts(slice.ports),
    formatDiscoveryEndpoints(slice.endpoints),
    slice.age,
  ];
}

/**
 * R-KUBECTL-5: printers.go printPod, for Pods whose containers are all started (no init containers): READY counts containers
 * that are ready and running; STATUS is the phase, else a waiting/terminated container's reason, else
 * "Terminating" when the Pod has a deletionTimestamp; RESTARTS adds "(<age> ago)" after a restart.
 */
export function podRow(pod: PodObject, wide: boolean): string[] {
  let restarts = 0;
  let ready = 0;
  let reason = pod.phase;
  let lastRestartAge: string | null = null;
  // printPod walks container statuses from the last to the first.
  for (let i = pod.containers.length - 1; i >= 0; i--) {
    const c = pod.containers[i]!;
    restarts += c.restartCount;
    if (c.lastRestartAge !== null && lastRestartAge === null) lastRestartAge = c.lastRestartAge;
    if (c.state.kind === 'Waiting' && c.state.reason) reason = c.state.reason;
    else if (c.state.kind === 'Terminated' && c.state.reason) reason = c.state.reason;
    else if (c.state.kind === 'Terminated') reason = `ExitCode:${c.state.exitCode ?? 0}`;
    else if (c.ready && c.state.kind === 'Running') ready++;
  }
  if (pod.deletion !== null && pod.phase !== 'Succeeded' && pod.phase !== 'Failed') reason = 'Terminating';
  const restartsText =
    restarts !== 0 && lastRestartAge !== null ? `${restarts} (${lastRestartAge} ago)` : String(restarts);
  const cells = [pod.name, `${ready}/${pod.containers.length}`, reason, restartsText, pod.age];
  if (wide) {
    cells.push(
      pod.podIPs[0] || '<none>',
      pod.nodeName || '<none>',
      pod.nominatedNodeName || '<none>',
      '<none>',
    );
  }
  return cells;
}

export interface Table {
  columns: readonly Column[];
  rows: string[][];
  /** GroupKind.String() lower-cased, used as the name prefix when several kinds are printed. */
  kind: string;
}

/**
 * R-KUBECTL-1/2: kubectl get's output for tables of one or more kinds (kubectl/pkg/cmd/get/get.go Run: one tabwriter,
 * flushed and its widths reset at each new kind; a blank line between kinds through separatorWriterWrapper).
 * When the objects are of several kinds, names are `kind/name` (printWithKind := multipleGVKsRequested;
 * cli-runtime tableprinter printRows).
 * A table with no rows prints nothing (kubectl then says "No resources found" on stderr).
 */
export function printTables(tables: readonly Table[], wide: boolean): string {
  // multipleGVKsRequested looks at the objects returned, so a kind with nothing to show does not count.
  const withKind = tables.filter((t) => t.rows.length > 0).length > 1;
  const parts: string[] = [];
  for (const table of tables) {
    if (table.rows.length === 0) continue;
    const columns = table.columns.filter((c) => wide || !c.wide);
    const lines = [columns.map((c) => c.name.toUpperCase()).join('\t')];
    for (const row of table.rows) {
      const cells = withKind ? [`${table.kind}/${row[0]}`, ...row.slice(1)] : row;
      lines.push(cells.join('\t'));
    }
    parts.push(tabwrite(`${lines.join('\n')}\n`, GET_TABS));
  }
  return parts.join('\n');
}
