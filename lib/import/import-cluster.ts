/**
 * kubectl output → a scenario for one Service (scenario-format.md). Pure: the caller reads the file.
 *
 * Mapping: Nodes → cluster.nodes (InternalIP, podCIDR, zone label, taint keys, deletionTimestamp); the
 * Service's endpoints → cluster.pods (from its EndpointSlices when there are any, as they are what kube-proxy
 * reads; else from the Pods its selector matches, with the EndpointSlice controller's conditions); the Service
 * as it is (fields the engine does not model are dropped); kube-proxy's ConfigMap → cluster.proxyMode and
 * friends. What cannot be known is assumed (assumptions.ts). Other kinds, Secrets included, are counted but
 * never read further, so their content is never echoed.
 */
import { LIMITS, parseScenario } from '@/lib/engine';
import { parse as parseYaml } from 'yaml';
import type * as z from '@/lib/validation/zod-mini';
import { formatPath, issueWhere, zodRawIssues, type PathSegment } from '@/lib/validation/issues';
import { guessCni, guessPlatform, guessProvider, type Assumption } from './assumptions';
import { readerCapabilities } from './capabilities';
import { isRecord, readDocuments, type KubeObject, type ReadDocuments } from './documents';
import type { ImportIssue } from './issues';
import {
  kubeConfigMapSchema,
  kubeEndpointSliceSchema,
  kubeNodeSchema,
  kubePodSchema,
  kubeProxyConfigSchema,
  kubeServiceSchema,
  type KubeEndpointSlice,
  type KubeNode,
  type KubePod,
  type KubeProxyConfig,
  type KubeService,
} from './kube-schema';

export interface ImportOptions {
  /** `namespace/name` of the Service to import; required when the input holds several. */
  service?: string;
}

/** A scenario document as scenario-format.md writes it (plain data, ready for YAML/JSON or parseScenario). */
export type ImportedScenario = Record<string, unknown> & {
  name: string;
  cluster: Record<string, unknown> & { nodes: Record<string, unknown>[]; pods: Record<string, unknown>[] };
  service: Record<string, unknown>;
  loadBalancer?: Record<string, unknown>;
};

export type ImportResult =
  | { ok: true; scenario: ImportedScenario; assumptions: Assumption[]; notes: string[]; service: string; services: string[] }
  | { ok: false; issues: ImportIssue[]; services: string[] };

/** The API server's own Service, present in every `-A` listing: never chosen by default. */
const API_SERVER_SERVICE = 'default/kubernetes';
const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

interface Located<T> {
  at: KubeObject;
  value: T;
}

export function importCluster(text: string, options: ImportOptions = {}): ImportResult {
  const read = readDocuments(text);
  if (!read.ok) return { ok: false, issues: read.issues, services: [] };
  const { objects, lineOf } = read.read;

  const issues: ImportIssue[] = [];
  const check = <S extends z.ZodMiniType>(schema: S, at: KubeObject): z.output<S> | undefined => {
    const r = schema.safeParse(at.value);
    if (r.success) return r.data;
    for (const raw of zodRawIssues(r.error.issues, { explain: { input: at.value, schema } })) issues.push(issueAt(lineOf, at, raw.path, `${at.kind}: ${raw.message}`));
    return undefined;
  };

  const nodes: Located<KubeNode>[] = [];
  const rawPods: KubeObject[] = [];
  const services: Located<KubeService>[] = [];
  const slices: Located<KubeEndpointSlice>[] = [];
  let proxyConfig: Located<KubeProxyConfig> | undefined;
  const ignored = new Map<string, number>();
  for (const at of objects) {
    const push = <T>(list: Located<T>[], v: T | undefined) => v && list.push({ at, value: v });
    if (at.kind === 'Node') push(nodes, check(kubeNodeSchema, at));
    else if (at.kind === 'Pod') rawPods.push(at); // validated below, once the Service says which matter
    else if (at.kind === 'Service') push(services, check(kubeServiceSchema, at));
    else if (at.kind === 'EndpointSlice') push(slices, check(kubeEndpointSliceSchema, at));
    else if (at.kind === 'ConfigMap' && isKubeProxyConfigMap(at.value)) proxyConfig = readProxyConfig(at, check, issues, lineOf) ?? proxyConfig;
    else ignored.set(at.kind, (ignored.get(at.kind) ?? 0) + 1);
  }
  const serviceKeys = services.map((s) => key(s.value.metadata));
  if (issues.length > 0) return { ok: false, issues, services: serviceKeys };

  // Choose the Service.
  const found = [...ignored].map(([k, n]) => `${n} ${k}`).join(', ');
  if (services.length === 0)
    return fail({ document: 1, path: '', message: `no Service in the input${found ? ` (found ${[nodes.length && `${nodes.length} Node`, rawPods.length && `${rawPods.length} Pod`, found].filter(Boolean).join(', ')})` : ''}: include services, e.g. kubectl get nodes,pods,services,endpointslices -A -o yaml` }, serviceKeys);
  let chosen: Located<KubeService> | undefined;
  if (options.service !== undefined) {
    const want = options.service.includes('/') ? options.service : `default/${options.service}`;
    chosen = services.find((s) => key(s.value.metadata) === want);
    if (!chosen) return fail({ document: 1, path: '', message: `no Service ${want} in the input; it has ${serviceKeys.join(', ')}` }, serviceKeys);
  } else {
    const candidates = services.filter((s) => key(s.value.metadata) !== API_SERVER_SERVICE);
    if (candidates.length === 1) chosen = candidates[0];
    else if (candidates.length === 0) chosen = services[0];
    else
      return fail({ document: 1, path: '', message: `the input has ${candidates.length} Services; choose one with --service NAMESPACE/NAME: ${candidates.map((s) => key(s.value.metadata)).join(', ')}` }, serviceKeys);
  }
  if (!chosen) return fail({ document: 1, path: '', message: 'no Service chosen' }, serviceKeys);
  const svc = chosen.value;
  const namespace = svc.metadata.namespace ?? 'default';
  const svcKey = `${namespace}/${svc.metadata.name}`;
  const notes: string[] = [];

  if (nodes.length === 0)
    return fail({ document: chosen.at.document, path: '', message: 'no Node in the input: the scenario needs the cluster\'s nodes (kubectl get nodes,pods,services,endpointslices -A -o yaml)' }, serviceKeys);

  // Nodes.
  const scenarioNodes: Record<string, unknown>[] = [];
  const zoneOf = new Map<string, string | undefined>();
  for (const { at, value: n } of nodes) {
    const ip = (n.status.addresses ?? []).find((a) => a.type === 'InternalIP' && isIPv4(a.address))?.address;
    if (!ip) {
      issues.push(issueAt(lineOf, at, ['status', 'addresses'], `Node ${n.metadata.name} has no IPv4 InternalIP address`));
      continue;
    }
    const podCIDR = [n.spec.podCIDR, ...(n.spec.podCIDRs ?? [])].find((c): c is string => c !== undefined && /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(c));
    const zone = n.metadata.labels?.['topology.kubernetes.io/zone'];
    zoneOf.set(n.metadata.name, zone);
    const taints = [...new Set((n.spec.taints ?? []).map((t) => t.key))];
    scenarioNodes.push({
      name: n.metadata.name,
      ip,
      ...(podCIDR ? { podCIDR } : {}),
      ...(zone ? { zone } : {}),
      ...(taints.length > 0 ? { taints } : {}),
      ...(n.metadata.deletionTimestamp ? { deleting: true } : {}),
    });
  }

  // Endpoints: the Service's EndpointSlices, else its selector over the Pods.
  const ownSlices = slices.filter((s) => (s.value.metadata.namespace ?? 'default') === namespace && s.value.metadata.labels?.[SERVICE_NAME_LABEL] === svc.metadata.name);
  const selector = svc.spec.selector ?? undefined;
  const hasSelector = selector !== undefined && Object.keys(selector).length > 0;
  // Only the Pods that can be this Service's endpoints are read (and so validated): in its namespace, and
  // named by its slices or matched by its selector. Validating 10,000 unrelated Pods is most of a large import.
  const sliceTargets = new Set(ownSlices.flatMap((s) => (s.value.endpoints ?? []).map((e) => e.targetRef?.name)));
  const relevant = rawPods.filter(({ value }) => {
    const m = isRecord(value.metadata) ? value.metadata : {};
    if ((typeof m.namespace === 'string' ? m.namespace : 'default') !== namespace) return false;
    if (ownSlices.length > 0) return sliceTargets.has(m.name as string);
    return !hasSelector || !isRecord(m.labels) || matches(selector ?? {}, m.labels as Record<string, string>);
  });
  const podsInNs = new Map<string, KubePod>();
  for (const at of relevant) {
    const pod = check(kubePodSchema, at);
    if (pod) podsInNs.set(pod.metadata.name, pod);
  }
  if (issues.length > 0) return fail(issues, serviceKeys);
  const scenarioPods: Record<string, unknown>[] = [];
  if (ownSlices.length > 0) {
    const seen = new Set<string>();
    let hinted = false;
    for (const { value: slice } of ownSlices) {
      if (slice.addressType !== undefined && slice.addressType !== 'IPv4') {
        notes.push(`EndpointSlice ${slice.metadata.name} (${slice.addressType}) skipped: the engine models IPv4 only`);
        continue;
      }
      for (const ep of slice.endpoints ?? []) {
        const ip = ep.addresses[0] as string;
        if (seen.has(ip)) continue;
        seen.add(ip);
        const podName = ep.targetRef?.kind === 'Pod' && ep.targetRef.name ? ep.targetRef.name : `endpoint-${ip.replaceAll('.', '-')}`;
        const pod = podsInNs.get(podName);
        const node = ep.nodeName ?? pod?.spec.nodeName;
        const ready = ep.conditions.ready ?? true;
        const serving = ep.conditions.serving ?? ready;
        const terminating = ep.conditions.terminating ?? false;
        if (ep.hints) hinted = true;
        scenarioPods.push(podEntry(podName, node, ip, pod?.metadata.labels ?? selector ?? {}, ep.zone, zoneOf, { ready, serving, terminating }));
      }
    }
    if (hinted && !svc.spec.trafficDistribution)
      notes.push('the EndpointSlices carry topology hints but the Service has no spec.trafficDistribution (hints from the topology-mode annotation); the engine assigns hints only from trafficDistribution (R-EP-5)');
  } else if (hasSelector) {
    for (const pod of podsInNs.values()) {
      if (!matches(selector, pod.metadata.labels ?? {})) continue;
      const ip = pod.status.podIP;
      if (!ip || pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') continue; // never an endpoint
      if (!isIPv4(ip)) {
        notes.push(`Pod ${pod.metadata.name} skipped: its IP ${ip} is not IPv4`);
        continue;
      }
      const podReady = (pod.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      const terminating = Boolean(pod.metadata.deletionTimestamp);
      // The EndpointSlice controller: ready = serving and not terminating; serving = the Pod's Ready condition.
      scenarioPods.push(podEntry(pod.metadata.name, pod.spec.nodeName, ip, pod.metadata.labels ?? {}, undefined, zoneOf, { ready: podReady && !terminating, serving: podReady, terminating }));
    }
    notes.push(`no EndpointSlice for ${svcKey} in the input: endpoints derived from the Pods its selector matches`);
  } else {
    issues.push(issueAt(lineOf, chosen.at, ['spec'], `Service ${svcKey} has no selector and the input has no EndpointSlice for it (label ${SERVICE_NAME_LABEL}=${svc.metadata.name}): its endpoints cannot be known`));
  }
  const nodeNames = new Set(scenarioNodes.map((n) => n.name));
  for (const p of scenarioPods) {
    if (typeof p.node === 'string' && !nodeNames.has(p.node)) {
      issues.push({ document: chosen.at.document, path: '', message: `endpoint ${String(p.name)} is on node ${p.node}, which is not in the input: include every node (kubectl get nodes)` });
    }
  }
  if (issues.length > 0) return fail(issues, serviceKeys);

  // The Service, as the scenario reader accepts it.
  const caps = readerCapabilities();
  const entry = serviceEntry(svc, namespace, caps.hostnameIngress, notes);
  if (!entry.ok) return fail(issueAt(lineOf, chosen.at, entry.path, entry.issue), serviceKeys);
  const service = entry.service;

  // kube-proxy and the unknowns.
  const cluster: ImportedScenario['cluster'] = { ...proxyFields(proxyConfig?.value, notes), nodes: scenarioNodes, pods: scenarioPods };
  const assumptions: Assumption[] = [];
  if (!proxyConfig) assumptions.push({ field: 'cluster.proxyMode', value: 'iptables', why: 'no kube-proxy ConfigMap (kube-system/kube-proxy) in the input: kube-proxy\'s default mode on Linux' });
  const platform = guessPlatform(nodes.map((n) => ({ providerID: n.value.spec.providerID, labels: n.value.metadata.labels })));
  const cni = guessCni(platform);
  if (cni && caps.cni) {
    cluster.cni = cni.value;
    assumptions.push(cni);
  }
  const annotations = svc.metadata.annotations ?? {};
  const loadBalancer: Record<string, unknown> = {};
  const provider = guessProvider(platform, annotations);
  if (provider && caps.provider) {
    loadBalancer.provider = provider.value;
    assumptions.push(provider);
  }
  if (platform.platform === 'kind' && svc.spec.type === 'LoadBalancer') notes.push('kind has no cloud balancer: a LoadBalancer Service there is served by cloud-provider-kind or MetalLB, if at all');
  if (annotations['service.beta.kubernetes.io/aws-load-balancer-nlb-target-type'] === 'ip') {
    loadBalancer.targets = 'pods';
    notes.push('service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip: the balancer targets Pod IPs (loadBalancer.targets: pods)');
  }

  const scenario: ImportedScenario = {
    name: `Imported: ${svcKey}`,
    cluster,
    service,
    ...(Object.keys(loadBalancer).length > 0 ? { loadBalancer } : {}),
  };
  // The default traffic is one flow per node; the engine bounds flows × endpoints (LIMITS.flowBackends), so a
  // large cluster gets flows entering on as many nodes as fit, in the input's order.
  const type = (service.spec as { type: string }).type;
  if (type !== 'ClusterIP' && scenarioNodes.length * scenarioPods.length > LIMITS.flowBackends) {
    const fit = Math.max(1, Math.floor(LIMITS.flowBackends / Math.max(1, scenarioPods.length)));
    const to = type === 'LoadBalancer' ? 'loadBalancer' : 'nodePort';
    scenario.traffic = scenarioNodes.slice(0, fit).map((n) => ({ from: 'external', to, node: n.name }));
    assumptions.push({
      field: 'traffic',
      value: `external → ${to} on the first ${fit} of ${scenarioNodes.length} nodes`,
      why: `${scenarioNodes.length} nodes × ${scenarioPods.length} endpoints is more flow work than the engine evaluates at once (LIMITS.flowBackends = ${LIMITS.flowBackends})`,
    });
  }
  const accepted = parseScenario(scenario);
  if (!accepted.ok)
    return fail(
      accepted.issues.map((i) => ({ document: chosen.at.document, path: '', message: `the imported scenario is refused by the engine at ${issueWhere(i, 'its root')}: ${i.message}` })),
      serviceKeys,
    );
  return { ok: true, scenario, assumptions, notes, service: svcKey, services: serviceKeys };
}

function fail(issues: ImportIssue | ImportIssue[], services: string[]): ImportResult {
  return { ok: false, issues: Array.isArray(issues) ? issues : [issues], services };
}

function issueAt(lineOf: ReadDocuments['lineOf'], at: KubeObject, path: readonly PathSegment[], message: string): ImportIssue {
  const full = [...at.path, ...path];
  const line = lineOf(at.document, full);
  return line === undefined ? { document: at.document, path: formatPath(full), message } : { document: at.document, path: formatPath(full), line, message };
}

function key(meta: { name: string; namespace?: string }): string {
  return `${meta.namespace ?? 'default'}/${meta.name}`;
}

function isIPv4(s: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(s);
}

function matches(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

function podEntry(
  name: string,
  node: string | undefined,
  ip: string,
  labels: Record<string, string>,
  zone: string | undefined,
  zoneOf: Map<string, string | undefined>,
  state: { ready: boolean; serving: boolean; terminating: boolean },
): Record<string, unknown> {
  const nodeZone = node === undefined ? undefined : zoneOf.get(node);
  return {
    name,
    ...(node ? { node } : {}),
    ip,
    labels,
    ...(zone && zone !== nodeZone ? { zone } : {}),
    ready: state.ready,
    ...(state.serving !== state.ready ? { serving: state.serving } : {}),
    ...(state.terminating ? { terminating: true } : {}),
  };
}

function isKubeProxyConfigMap(v: Record<string, unknown>): boolean {
  const m = v.metadata;
  return isRecord(m) && m.name === 'kube-proxy' && m.namespace === 'kube-system';
}

function readProxyConfig(
  at: KubeObject,
  check: <S extends z.ZodMiniType>(schema: S, at: KubeObject) => z.output<S> | undefined,
  issues: ImportIssue[],
  lineOf: ReadDocuments['lineOf'],
): Located<KubeProxyConfig> | undefined {
  const cm = check(kubeConfigMapSchema, at);
  const conf = cm?.data['config.conf'];
  if (conf === undefined) return undefined;
  let value: unknown;
  try {
    value = parseYaml(conf, { version: '1.2' });
  } catch (e) {
    issues.push(issueAt(lineOf, at, ['data', 'config.conf'], `ConfigMap kube-system/kube-proxy: config.conf is not YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`));
    return undefined;
  }
  const r = kubeProxyConfigSchema.safeParse(value ?? {});
  if (!r.success) {
    for (const raw of zodRawIssues(r.error.issues, { explain: { input: value, schema: kubeProxyConfigSchema } }))
      issues.push(issueAt(lineOf, at, ['data', 'config.conf'], `ConfigMap kube-system/kube-proxy: config.conf ${formatPath(raw.path)}: ${raw.message}`));
    return undefined;
  }
  return { at, value: r.data };
}

/** KubeProxyConfiguration → cluster fields. Empty mode is iptables on Linux; "kernelspace" is Windows. */
function proxyFields(conf: KubeProxyConfig | undefined, notes: string[]): Record<string, unknown> {
  if (!conf) return {};
  const out: Record<string, unknown> = {};
  const mode = conf.mode || 'iptables';
  if (mode === 'iptables' || mode === 'ipvs' || mode === 'nftables') out.proxyMode = mode;
  else notes.push(`kube-proxy mode "${mode}" is not modelled: iptables assumed`);
  const detect = conf.detectLocalMode || 'ClusterCIDR';
  if (detect === 'ClusterCIDR') {
    if (conf.clusterCIDR) {
      const v4 = conf.clusterCIDR.split(',').find((c) => /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(c.trim()));
      if (v4) out.clusterCIDR = v4.trim();
    } else out.detectLocal = false; // ClusterCIDR mode without a CIDR: kube-proxy runs with no detector (R-EXT-8)
  } else notes.push(`detectLocalMode ${detect}: the scenario's pods stand in for the pod sources`);
  const addrs = conf.nodePortAddresses ?? [];
  if (addrs.length === 1 && addrs[0] === 'primary') out.nodePortAddresses = 'primary';
  else if (addrs.length > 0) out.nodePortAddresses = addrs;
  if (conf.iptables?.masqueradeAll) out.masqueradeAll = true;
  if (conf.iptables?.localhostNodePorts === false) out.localhostNodePorts = false;
  return out;
}

const SERVICE_TYPES = new Set(['ClusterIP', 'NodePort', 'LoadBalancer']);

/** The Service's fields the scenario's v1 Service holds; the rest (ipFamilies, loadBalancerClass, …) are dropped. */
function serviceEntry(
  svc: KubeService,
  namespace: string,
  hostnameIngress: boolean,
  notes: string[],
): { ok: true; service: Record<string, unknown> } | { ok: false; issue: string; path: PathSegment[] } {
  const s = svc.spec;
  const type = s.type ?? 'ClusterIP';
  if (!SERVICE_TYPES.has(type)) return { ok: false, issue: `Service type ${type} is not modelled (ClusterIP, NodePort or LoadBalancer)`, path: ['spec', 'type'] };
  const annotations = Object.fromEntries(Object.entries(svc.metadata.annotations ?? {}).filter(([k]) => k !== 'kubectl.kubernetes.io/last-applied-configuration'));
  const v4 = (ips: string[] | undefined) => (ips ?? []).filter((ip) => ip === 'None' || isIPv4(ip));
  const spec: Record<string, unknown> = { type };
  if (s.selector && Object.keys(s.selector).length > 0) spec.selector = s.selector;
  if (s.clusterIP !== undefined && (s.clusterIP === 'None' || isIPv4(s.clusterIP))) spec.clusterIP = s.clusterIP;
  const clusterIPs = v4(s.clusterIPs);
  if (clusterIPs.length > 0) spec.clusterIPs = clusterIPs;
  if ((s.clusterIPs ?? []).length > clusterIPs.length) notes.push('the Service is dual-stack: its IPv6 addresses are dropped (the engine models IPv4)');
  for (const f of ['externalTrafficPolicy', 'internalTrafficPolicy', 'healthCheckNodePort', 'sessionAffinity', 'sessionAffinityConfig', 'trafficDistribution', 'allocateLoadBalancerNodePorts'] as const)
    if (s[f] !== undefined) spec[f] = s[f];
  if (s.externalIPs?.length) spec.externalIPs = s.externalIPs;
  if (s.loadBalancerSourceRanges?.length) spec.loadBalancerSourceRanges = s.loadBalancerSourceRanges;
  spec.ports = (s.ports ?? []).map((p) => ({
    ...(p.name ? { name: p.name } : {}),
    port: p.port,
    ...(p.targetPort !== undefined ? { targetPort: p.targetPort } : {}),
    ...(p.nodePort !== undefined ? { nodePort: p.nodePort } : {}),
    protocol: p.protocol ?? 'TCP',
  }));
  const ingress: Record<string, unknown>[] = [];
  for (const i of svc.status.loadBalancer?.ingress ?? []) {
    const ip = i.ip !== undefined && isIPv4(i.ip) ? i.ip : undefined;
    if (!ip && !(i.hostname && hostnameIngress)) {
      notes.push(`ingress ${i.hostname ?? i.ip ?? '(empty)'} dropped: ${i.hostname ? 'a hostname-only ingress is not accepted by this engine' : 'not IPv4'}`);
      continue;
    }
    ingress.push({ ...(ip ? { ip } : {}), ...(i.hostname ? { hostname: i.hostname } : {}), ...(i.ipMode ? { ipMode: i.ipMode } : {}) });
  }
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: svc.metadata.name,
      namespace,
      ...(svc.metadata.labels && Object.keys(svc.metadata.labels).length > 0 ? { labels: svc.metadata.labels } : {}),
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    },
    spec,
    ...(ingress.length > 0 ? { status: { loadBalancer: { ingress } } } : {}),
  };
  return { ok: true, service };
}
