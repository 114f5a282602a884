/**
 * kubectl describe for Services, EndpointSlices and Pods, line for line as kubernetes/kubectl
 * pkg/describe/describe.go writes them (describeService, describeEndpointSliceV1, describePod and the helpers
 * named below), through describe's PrefixWriter (two spaces per level) and tabbedString's tabwriter.
 */
import type {
  ContainerObject,
  ContainerStateObject,
  EndpointSliceObject,
  PodEventObject,
  PodObject,
  ServiceObject,
} from './k8s';
import { formatLabels } from './printers';
import { DESCRIBE_TABS, tabwrite } from './tabwriter';

/** R-KUBECTL-7: describe.go prefixWriter + tabbedString: text is buffered and formatted at each Flush and at the end. */
class PrefixWriter {
  private out = '';
  private buffer = '';
  write(level: number, text: string): void {
    this.buffer += '  '.repeat(level) + text;
  }
  /** prefixWriter.WriteLine: the text and a newline, no indentation. */
  writeLine(text: string): void {
    this.buffer += `${text}\n`;
  }
  flush(): void {
    this.out += tabwrite(this.buffer, DESCRIBE_TABS);
    this.buffer = '';
  }
  done(): string {
    this.flush();
    return this.out;
  }
}

/** describe.go printLabelsMultilineWithIndent (initialIndent '', innerIndent '\t'). */
function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | null): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${key}=${labels![key]}\n`);
  });
}

/** describe.go printAnnotationsMultiline, for short values (the long-value folding is not needed here). */
function printAnnotationsMultiline(
  w: PrefixWriter,
  title: string,
  annotations: Record<string, string>,
): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations)
    .filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration')
    .sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${key}: ${annotations[key]!.replace(/\n$/, '')}\n`);
  });
}

/** describe.go DescribeEvents: a flush, then the table (events as given: already sorted, intervals rendered). */
function describeEvents(events: readonly PodEventObject[], w: PrefixWriter): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of events) w.write(1, `${e.type}\t${e.reason}\t${e.age}\t${e.from}\t${e.message.trim()}\n`);
}

/** describe.go buildIngressString */
function buildIngressString(svc: ServiceObject): string {
  return svc.ingress
    .map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : (i.hostname ?? '')))
    .join(', ');
}

/**
 * describe.go formatEndpointSlices for one Service port: the ready (or unknown) endpoints' first address with the
 * slice port of the same name, at most 3, then "+ N more..."; "<none>" when there is no slice at all. Kept as
 * written, including `more` being set before the readiness check.
 */
export function formatEndpointSlices(
  slices: readonly EndpointSliceObject[],
  portName: string | null,
): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const slice of slices) {
    if (slice.ports.length === 0) {
      for (const e of slice.endpoints) {
        if (list.length === max) more = true;
        if (!(e.ready === null || e.ready)) continue;
        if (!more) list.push(e.addresses[0]!);
        count++;
      }
      continue;
    }
    for (const port of slice.ports) {
      if (portName !== null && (port.name ?? '') !== portName) continue;
      for (const e of slice.endpoints) {
        if (list.length === max) more = true;
        if (!(e.ready === null || e.ready)) continue;
        if (!more) list.push(`${e.addresses[0]!}:${port.port}`);
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

/** R-KUBECTL-8: describe.go describeService (events: null = not searched, [] = none). */
export function describeService(
  svc: ServiceObject,
  slices: readonly EndpointSliceObject[],
  events: readonly PodEventObject[] | null,
): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${svc.name}\n`);
  w.write(0, `Namespace:\t${svc.namespace}\n`);
  printLabelsMultiline(w, 'Labels', svc.labels);
  printAnnotationsMultiline(w, 'Annotations', svc.annotations);
  w.write(0, `Selector:\t${formatLabels(svc.selector)}\n`);
  w.write(0, `Type:\t${svc.type}\n`);
  if (svc.ipFamilyPolicy !== null) w.write(0, `IP Family Policy:\t${svc.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${svc.ipFamilies.length > 0 ? svc.ipFamilies.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${svc.clusterIP}\n`);
  w.write(0, `IPs:\t${svc.clusterIPs.length > 0 ? svc.clusterIPs.join(',') : '<none>'}\n`);
  if (svc.externalIPs.length > 0) w.write(0, `External IPs:\t${svc.externalIPs.join(',')}\n`);
  if (svc.loadBalancerIP !== '') w.write(0, `Desired LoadBalancer IP:\t${svc.loadBalancerIP}\n`);
  if (svc.externalName !== '') w.write(0, `External Name:\t${svc.externalName}\n`);
  if (svc.ingress.length > 0) w.write(0, `LoadBalancer Ingress:\t${buildIngressString(svc)}\n`);
  for (const sp of svc.ports) {
    const name = sp.name === '' ? '<unset>' : sp.name;
    w.write(0, `Port:\t${name}\t${sp.port}/${sp.protocol}\n`);
    w.write(0, `TargetPort:\t${sp.targetPort}/${sp.protocol}\n`);
    if (sp.appProtocol) w.write(0, `AppProtocol:\t${sp.appProtocol}\n`);
    if (sp.nodePort !== 0) w.write(0, `NodePort:\t${name}\t${sp.nodePort}/${sp.protocol}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, sp.name)}\n`);
  }
  w.write(0, `Session Affinity:\t${svc.sessionAffinity}\n`);
  if (svc.externalTrafficPolicy !== '')
    w.write(0, `External Traffic Policy:\t${svc.externalTrafficPolicy}\n`);
  if (svc.internalTrafficPolicy !== null)
    w.write(0, `Internal Traffic Policy:\t${svc.internalTrafficPolicy}\n`);
  if (svc.healthCheckNodePort !== 0) w.write(0, `HealthCheck NodePort:\t${svc.healthCheckNodePort}\n`);
  if (svc.loadBalancerSourceRanges.length > 0)
    w.write(0, `LoadBalancer Source Ranges:\t${svc.loadBalancerSourceRanges.join(',')}\n`);
  if (svc.trafficDistribution !== null) w.write(0, `Traffic Distribution:\t${svc.trafficDistribution}\n`);
  if (events !== null) describeEvents(events, w);
  return w.done();
}

/** R-KUBECTL-9: describe.go describeEndpointSliceV1 (it shows only the Ready condition, not serving/terminating or hints). */
export function describeEndpointSlice(
  eps: EndpointSliceObject,
  events: readonly PodEventObject[] | null,
): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${eps.name}\n`);
  w.write(0, `Namespace:\t${eps.namespace}\n`);
  printLabelsMultiline(w, 'Labels', eps.labels);
  printAnnotationsMultiline(w, 'Annotations', eps.annotations);
  w.write(0, `AddressType:\t${eps.addressType}\n`);
  if (eps.ports.length === 0) {
    w.write(0, 'Ports: <unset>\n');
  } else {
    w.write(0, 'Ports:\n');
    w.write(1, 'Name\tPort\tProtocol\n');
    w.write(1, '----\t----\t--------\n');
    for (const port of eps.ports) {
      const name = port.name ? port.name : '<unset>';
      const num = port.port !== null ? String(port.port) : '<unset>';
      w.write(1, `${name}\t${num}\t${port.protocol}\n`);
    }
  }
  if (eps.endpoints.length === 0) {
    w.write(0, 'Endpoints: <none>\n');
  } else {
    w.write(0, 'Endpoints:\n');
    for (const e of eps.endpoints) {
      w.write(1, `- Addresses:\t${e.addresses.length > 0 ? e.addresses.join(', ') : '<none>'}\n`);
      w.write(2, 'Conditions:\n');
      w.write(3, `Ready:\t${e.ready === null ? '<unset>' : String(e.ready)}\n`);
      w.write(2, `Hostname:\t${e.hostname ?? '<unset>'}\n`);
      if (e.targetRef !== null) w.write(2, `TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}\n`);
      w.write(2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
      w.write(2, `Zone:\t${e.zone ?? '<unset>'}\n`);
    }
  }
  if (events !== null) describeEvents(events, w);
  return w.done();
}

/** describe.go describeStatus */
function describeStatus(stateName: string, state: ContainerStateObject, w: PrefixWriter): void {
  switch (state.kind) {
    case 'Running':
      w.write(2, `${stateName}:\tRunning\n`);
      w.write(3, `Started:\t${state.startedAt ?? ''}\n`);
      return;
    case 'Waiting':
      w.write(2, `${stateName}:\tWaiting\n`);
      if (state.reason) w.write(3, `Reason:\t${state.reason}\n`);
      return;
    case 'Terminated':
      w.write(2, `${stateName}:\tTerminated\n`);
      if (state.reason) w.write(3, `Reason:\t${state.reason}\n`);
      w.write(3, `Exit Code:\t${state.exitCode ?? 0}\n`);
      w.write(3, `Started:\t${state.startedAt ?? ''}\n`);
      w.write(3, `Finished:\t${state.finishedAt ?? ''}\n`);
      return;
  }
}

/** describe.go describeContainerPorts / describeContainerHostPorts */
function containerPorts(c: ContainerObject, host: boolean): string {
  return c.ports
    .map((p) => `${host ? p.hostPort : p.containerPort}/${p.protocol}${p.name ? ` (${p.name})` : ''}`)
    .join(', ');
}

/**
 * describe.go describeContainers for containers with a status: describeContainerBasicInfo, describeContainerState,
 * describeContainerProbe (readiness only), describeContainerEnvVars and describeContainerVolumes with none.
 */
function describeContainers(containers: readonly ContainerObject[], w: PrefixWriter): void {
  w.write(0, `Containers:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const c of containers) {
    w.write(1, `${c.name}:\n`);
    w.write(2, `Container ID:\t${c.containerID}\n`);
    w.write(2, `Image:\t${c.image}\n`);
    w.write(2, `Image ID:\t${c.imageID}\n`);
    const ports = containerPorts(c, false);
    if (ports.includes(',')) w.write(2, `Ports:\t${ports}\n`);
    else w.write(2, `Port:\t${ports || '<none>'}\n`);
    const hostPorts = containerPorts(c, true);
    if (hostPorts.includes(',')) w.write(2, `Host Ports:\t${hostPorts}\n`);
    else w.write(2, `Host Port:\t${hostPorts || '<none>'}\n`);
    describeStatus('State', c.state, w);
    if (c.lastState !== null && c.lastState.kind === 'Terminated')
      describeStatus('Last State', c.lastState, w);
    w.write(2, `Ready:\t${c.ready ? 'True' : 'False'}\n`);
    w.write(2, `Restart Count:\t${c.restartCount}\n`);
    if (c.readinessProbe !== null) w.write(2, `Readiness:\t${c.readinessProbe}\n`);
    w.write(2, 'Environment:\t<none>\n');
    w.write(2, 'Mounts:\t<none>\n');
  }
}

/** describe.go printTolerationsMultilineWithIndent (sorted by key). */
function printTolerations(w: PrefixWriter, tolerations: PodObject['tolerations']): void {
  w.write(0, 'Tolerations:\t');
  if (tolerations.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sorted = [...tolerations].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    let s = t.key;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists') s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.seconds !== null) s += ` for ${t.seconds}s`;
    w.write(0, `${s}\n`);
  });
}

/** R-KUBECTL-10: describe.go describePod, for a Pod with no init/ephemeral containers, volumes or readiness gates. */
export function describePod(pod: PodObject): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${pod.name}\n`);
  w.write(0, `Namespace:\t${pod.namespace}\n`);
  if (pod.priority !== null) w.write(0, `Priority:\t${pod.priority}\n`);
  if (pod.serviceAccountName !== '') w.write(0, `Service Account:\t${pod.serviceAccountName}\n`);
  w.write(0, pod.nodeName === '' ? 'Node:\t<none>\n' : `Node:\t${pod.nodeName}/${pod.hostIP}\n`);
  printLabelsMultiline(w, 'Labels', pod.labels);
  printAnnotationsMultiline(w, 'Annotations', pod.annotations);
  if (pod.deletion !== null && pod.phase !== 'Failed' && pod.phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${pod.deletion.lasts})\n`);
    w.write(0, `Termination Grace Period:\t${pod.deletion.gracePeriodSeconds}s\n`);
  } else {
    w.write(0, `Status:\t${pod.phase}\n`);
  }
  w.write(0, `IP:\t${pod.podIP}\n`);
  if (pod.podIPs.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of pod.podIPs) w.write(1, `IP:\t${ip}\n`);
  }
  if (pod.controlledBy !== '') w.write(0, `Controlled By:\t${pod.controlledBy}\n`);
  if (pod.nominatedNodeName !== '') w.write(0, `NominatedNodeName:\t${pod.nominatedNodeName}\n`);
  describeContainers(pod.containers, w);
  if (pod.conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of pod.conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  w.write(0, 'Volumes:\t<none>\n');
  w.write(0, `QoS Class:\t${pod.qosClass}\n`);
  printLabelsMultiline(w, 'Node-Selectors', null);
  printTolerations(w, pod.tolerations);
  if (pod.events !== null) describeEvents(pod.events, w);
  return w.done();
}
