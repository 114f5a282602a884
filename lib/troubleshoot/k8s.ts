/**
 * The few Kubernetes object fields kubectl's printers and describers read, shaped like the API's (so kubectl's own
 * test objects can be written here as they are in printers_test.go and describe_test.go). Optional pointer fields of
 * the API are `null` here; strings the API leaves empty are ''.
 */
export interface ServicePortObject {
  name: string;
  protocol: string;
  port: number;
  targetPort: number | string;
  /** 0 = none. */
  nodePort: number;
  appProtocol?: string | null;
}

export interface LoadBalancerIngressObject {
  ip?: string;
  hostname?: string;
  ipMode?: string | null;
}

export interface ServiceObject {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  type: string;
  /** null: no selector (labels.FormatLabels prints "<none>" for an empty one too). */
  selector: Record<string, string> | null;
  ipFamilyPolicy: string | null;
  ipFamilies: string[];
  /** spec.clusterIP as stored: an address, "None" (headless) or ''. */
  clusterIP: string;
  clusterIPs: string[];
  externalIPs: string[];
  loadBalancerIP: string;
  externalName: string;
  ingress: LoadBalancerIngressObject[];
  ports: ServicePortObject[];
  sessionAffinity: string;
  /** '' when unset (ClusterIP Services). */
  externalTrafficPolicy: string;
  internalTrafficPolicy: string | null;
  healthCheckNodePort: number;
  loadBalancerSourceRanges: string[];
  trafficDistribution: string | null;
  /** AGE as kubectl prints it (duration.HumanDuration of now - creationTimestamp). */
  age: string;
}

export interface EndpointPortObject {
  name: string | null;
  port: number | null;
  protocol: string | null;
}

export interface EndpointObject {
  addresses: string[];
  ready: boolean | null;
  serving: boolean | null;
  terminating: boolean | null;
  hostname: string | null;
  targetRef: { kind: string; name: string } | null;
  nodeName: string | null;
  zone: string | null;
  hints: { forZones: string[]; forNodes: string[] } | null;
}

export interface EndpointSliceObject {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  addressType: string;
  ports: EndpointPortObject[];
  endpoints: EndpointObject[];
  age: string;
}

export interface ContainerPortObject {
  name: string;
  containerPort: number;
  hostPort: number;
  protocol: string;
}

export interface ContainerStateObject {
  kind: 'Running' | 'Waiting' | 'Terminated';
  reason?: string;
  exitCode?: number;
  /** RFC1123Z, as describe prints Started/Finished. */
  startedAt?: string;
  finishedAt?: string;
}

export interface ContainerObject {
  name: string;
  image: string;
  ports: ContainerPortObject[];
  readinessProbe: string | null;
  /** status */
  containerID: string;
  imageID: string;
  state: ContainerStateObject;
  lastState: ContainerStateObject | null;
  ready: boolean;
  restartCount: number;
  /** printPod's "(<age> ago)" of the last restart; null when it never restarted. */
  lastRestartAge: string | null;
}

export interface PodEventObject {
  type: string;
  reason: string;
  /** DescribeEvents' interval text: "5m", or "12s (x4 over 2m)". */
  age: string;
  from: string;
  message: string;
}

export interface PodObject {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  priority: number | null;
  serviceAccountName: string;
  nodeName: string;
  hostIP: string;
  phase: string;
  /** A deletionTimestamp: describe's "Terminating (lasts …)" and the grace period. */
  deletion: { lasts: string; gracePeriodSeconds: number } | null;
  podIP: string;
  podIPs: string[];
  nominatedNodeName: string;
  controlledBy: string;
  containers: ContainerObject[];
  conditions: { type: string; status: string }[];
  qosClass: string;
  tolerations: { key: string; operator: string; effect: string; seconds: number | null }[];
  events: PodEventObject[] | null;
  age: string;
}
