/**
 * DNS (issue 13) — a Pod looks up a Service's name; what does the cluster DNS (CoreDNS, kubeadm's defaults)
 * answer? Rules: lib/engine/dns/RULES.md (R-DNS-…).
 *   records  (A queries) the addresses returned, or NXDOMAIN / an empty answer: a ClusterIP Service answers its
 *            ClusterIP with or without endpoints (R-DNS-5); a headless one its ready endpoints, or NXDOMAIN with none
 *            (R-DNS-1, R-DNS-6; publishNotReadyAddresses makes every endpoint ready, R-DNS-2); the name typed is
 *            tried along the Pod's search path (R-DNS-12), so a short name only finds Services of the Pod's own
 *            namespace.
 *   count, port  (SRV queries for a named port) how many records, and the port they carry: the Service port for a
 *            ClusterIP Service, the target port of each ready endpoint for a headless one (R-DNS-5, R-DNS-6, R-DNS-11).
 *
 * The key comes from `keyOf(scenario, ask)`: the DNS model (lib/engine/dns) run on the Service and Pods of the
 * scenario, with the ask's facts the routing scenario does not carry (the caller's namespace, the name typed,
 * publishNotReadyAddresses).
 */
import type { ScenarioInput } from '@/lib/engine';
import { dnsClusterOf, lookupFromPod, searchList, type DnsQueryType } from '@/lib/engine/dns';
import { buildLayout, type Layout } from '../layout';
import type { MisconceptionId } from '../misconceptions';
import type { Rng } from '../random';
import type { Difficulty, FieldKey, ResponseField } from '../types';
import { choiceField, type OptionDraft } from './choice-field';
import type { Draft } from './draft';
import { drawClientPod, podToClusterIP } from './pod-client';
import { counted } from './wording';

export interface DnsAsk {
  /** The namespace of the Pod that runs the lookup. */
  fromNamespace: string;
  /** The name as typed (relative names go through the search path). */
  query: string;
  qtype: 'A' | 'SRV';
  /** The Service's spec.publishNotReadyAddresses (not part of the routing scenario). */
  publishNotReadyAddresses: boolean;
}

const DOMAIN = 'cluster.local';
const OTHER_NAMESPACES = [
  'default',
  'shop',
  'prod',
  'payments',
  'storefront',
  'team-a',
  'platform',
  'monitoring',
  'batch',
];
const PORTS = [
  { name: 'http', port: 80, target: 8080 },
  { name: 'https', port: 443, target: 8443 },
  { name: 'grpc', port: 9000, target: 50051 },
  { name: 'metrics', port: 9090, target: 9100 },
] as const;

function run(scenario: ScenarioInput, ask: DnsAsk) {
  const spec = scenario.service.spec;
  const namespace = scenario.service.metadata.namespace ?? 'default';
  const cluster = dnsClusterOf(
    [
      {
        name: scenario.service.metadata.name,
        namespace,
        clusterIP: spec.clusterIP,
        selector: spec.selector,
        publishNotReadyAddresses: ask.publishNotReadyAddresses,
        ports: spec.ports.map((p) => ({
          name: p.name,
          port: p.port,
          targetPort: p.targetPort,
          protocol: p.protocol,
        })),
      },
    ],
    (scenario.cluster.pods ?? []).map((p) => ({
      name: p.name,
      namespace,
      ip: p.ip,
      labels: p.labels,
      ready: p.ready ?? !p.terminating,
      terminating: p.terminating,
    })),
  );
  return lookupFromPod(
    { ...cluster, namespaces: [...new Set([namespace, ask.fromNamespace])] },
    ask.fromNamespace,
    ask.query,
    ask.qtype as DnsQueryType,
  );
}

/** The canonical value of an A answer: sorted addresses joined by commas, `NXDOMAIN`, or `NODATA` (no records). */
function recordsValue(result: ReturnType<typeof run>): string {
  if (result.answer.rcode === 'NXDOMAIN') return 'NXDOMAIN';
  const ips = result.answer.answer.filter((r) => r.type === 'A').map((r) => r.data);
  return ips.length === 0 ? 'NODATA' : sortIps(ips).join(',');
}

function sortIps(ips: string[]): string[] {
  const n = (ip: string) => ip.split('.').reduce((a, o) => a * 256 + Number(o), 0);
  return [...new Set(ips)].sort((a, b) => n(a) - n(b));
}

/** The key: `records` for an A query; `count` and, when there are records, `port` for an SRV query. */
export function keyOf(scenario: ScenarioInput, ask: DnsAsk): Record<string, string> {
  const result = run(scenario, ask);
  if (ask.qtype === 'A') return { records: recordsValue(result) };
  const srv = result.answer.answer.filter((r) => r.type === 'SRV');
  const ports = [...new Set(srv.map((r) => r.data.split(' ')[2]!))];
  if (ports.length > 1) throw new Error('dns: SRV records with different ports');
  return srv.length === 0 ? { count: '0' } : { count: String(srv.length), port: ports[0]! };
}

function recordsLabel(value: string): string {
  if (value === 'NXDOMAIN') return 'NXDOMAIN: the name does not exist';
  if (value === 'NODATA') return 'An empty answer (NOERROR, no records)';
  const ips = value.split(',');
  return `${ips.join(', ')} (${counted(ips.length, 'A record', 'A records')})`;
}

function podsText(layout: Layout): string {
  const state = (p: Layout['pods'][number]) =>
    p.terminating ? 'terminating' : p.ready ? 'ready' : 'not ready';
  return `Its Pods: ${layout.pods.map((p) => `${p.name} ${p.ip} (${state(p)})`).join('; ')}.`;
}

/** The generator and the ask it built the key from (the consistency test replays both). */
export function buildDns(rng: Rng, difficulty: Difficulty): { draft: Draft; ask: DnsAsk } | null {
  const layout = buildLayout(rng, difficulty, {
    policy: 'Cluster',
    conditions: difficulty !== 'intro',
    pods: [2, difficulty === 'intro' ? 3 : 5],
  });
  const svcName = layout.naming.serviceName;
  const namespace = layout.naming.namespace;
  const headless = rng.chance(0.5);
  const portDef = rng.pick(PORTS);
  const port = {
    name: portDef.name,
    port: portDef.port,
    targetPort: difficulty === 'intro' ? portDef.port : portDef.target,
    protocol: 'TCP' as const,
  };
  const node = rng.pick(layout.nodes);
  const client = drawClientPod(rng, layout, node, ['frontend', 'toolbox', 'api-gateway', 'reports']);
  const base = podToClusterIP(layout, client, headless ? { clusterIP: 'None' } : {});
  const scenario: ScenarioInput = {
    ...base,
    service: { ...base.service, spec: { ...base.service.spec, ports: [port] } },
  };

  const sameNamespace = difficulty === 'intro' || rng.chance(0.6);
  const fromNamespace = sameNamespace ? namespace : rng.pick(OTHER_NAMESPACES.filter((n) => n !== namespace));
  const notReady = layout.pods.filter((p) => !p.ready);
  const publishNotReadyAddresses =
    difficulty === 'expert' && headless && notReady.length > 0 && rng.chance(0.5);
  const fqdn = `${svcName}.${namespace}.svc.${DOMAIN}`;
  const srv = difficulty !== 'intro' && rng.chance(0.35);
  let query: string;
  if (srv) {
    const protocol = difficulty === 'expert' && rng.chance(0.2) ? 'udp' : 'tcp';
    query = `_${portDef.name}._${protocol}.${sameNamespace && rng.chance(0.5) ? `${svcName}.${namespace}` : fqdn}`;
  } else {
    const forms = sameNamespace
      ? [svcName, `${svcName}.${namespace}`, `${svcName}.${namespace}.svc`, fqdn]
      : [svcName, `${svcName}.${namespace}`, fqdn];
    query = rng.pick(difficulty === 'intro' ? forms.slice(0, 2) : forms);
  }
  const ask: DnsAsk = { fromNamespace, query, qtype: srv ? 'SRV' : 'A', publishNotReadyAddresses };
  const expected = keyOf(scenario, ask);
  const result = run(scenario, ask);

  const svc = `${namespace}/${svcName}`;
  const kindText = headless ? 'headless (clusterIP: None)' : `type ClusterIP (${layout.naming.clusterIP})`;
  const setup =
    `Service ${svc} is ${kindText}${publishNotReadyAddresses ? ' with publishNotReadyAddresses: true' : ''}, selects app=${svcName} and has one port named ${port.name}: ${port.port} → targetPort ${port.targetPort}. ` +
    `${podsText(layout)} The cluster DNS is CoreDNS with kubeadm's defaults (cluster domain ${DOMAIN}). Pods use dnsPolicy ClusterFirst: from namespace ${fromNamespace} a name with fewer than 5 dots is tried with the suffixes ${searchList(fromNamespace, DOMAIN).join(', ')} in turn, then as written, and names outside ${DOMAIN} go to an upstream resolver that knows none of these names.`;
  const who = `Pod ${client.name} in namespace ${fromNamespace}`;
  const tried = result.tried.map((t) => `${t.name} (${t.rcode})`).join(', then ');
  const searchStep = `R-DNS-12: from namespace ${fromNamespace} the search path is ${searchList(fromNamespace, DOMAIN).join(' ')}; "${query}" is tried as ${tried}.`;
  const steps = [searchStep, ...result.answer.steps];

  const fields: ResponseField[] = [];
  const keys: FieldKey[] = [];
  let question: string;
  let explanation: string;
  if (!srv) {
    const value = expected.records!;
    const ready = layout.pods.filter((p) => p.ready && !p.terminating).map((p) => p.ip);
    const all = layout.pods.map((p) => p.ip);
    const crossNamespaceShort = !sameNamespace && query === svcName;
    const mis = (candidate: string): MisconceptionId | null => {
      if (candidate === value) return null;
      if (value === 'NXDOMAIN' && crossNamespaceShort) return 'dns-short-name-any-namespace';
      if (candidate === 'NXDOMAIN')
        return !headless && ready.length === 0
          ? 'dns-needs-endpoints'
          : !sameNamespace
            ? 'dns-other-namespace-unreachable'
            : null;
      if (candidate === 'NODATA') return 'dns-empty-headless-noerror';
      if (!headless) return 'dns-returns-pod-ips';
      if (publishNotReadyAddresses) return 'dns-publish-ignored';
      return candidate === sortIps(all).join(',') ? 'dns-lists-not-ready' : null;
    };
    const candidates = [
      value,
      'NXDOMAIN',
      ...(headless ? [] : [layout.naming.clusterIP]),
      ...(ready.length > 0 ? [sortIps(ready).join(',')] : []),
      ...(all.length > ready.length || !headless ? [sortIps(all).join(',')] : []),
      ...(value === 'NXDOMAIN' && headless && !crossNamespaceShort ? ['NODATA'] : []),
    ];
    const options: OptionDraft[] = candidates.map((c) => ({
      value: c,
      label: recordsLabel(c),
      correct: c === value,
      misconception: mis(c),
    }));
    const field = choiceField(rng, 'records', `What does the lookup of ${query} return?`, options);
    fields.push(field.field);
    keys.push(field.key);
    question = `${who} runs "nslookup ${query}". What does it get back?`;
    explanation =
      value === 'NXDOMAIN'
        ? crossNamespaceShort
          ? `A short name is completed with the caller's own namespace first: ${svcName} becomes ${svcName}.${fromNamespace}.svc.${DOMAIN}, and no search suffix reaches namespace ${namespace}, so every try is NXDOMAIN (R-DNS-12). Use ${svcName}.${namespace}.`
          : `${svcName} is headless and none of its endpoints is ready, so CoreDNS has no record of any type for the name: NXDOMAIN (R-DNS-1, R-DNS-6).`
        : headless
          ? `${svcName} is headless: the name stands for the addresses of its ready endpoints${publishNotReadyAddresses ? ', and publishNotReadyAddresses makes every endpoint ready' : ', and Pods that are not ready (or terminating) are left out'} (R-DNS-1, R-DNS-2, R-DNS-6). The client picks among them; kube-proxy is not involved.`
          : `${svcName} has a ClusterIP, so its name answers that one address, whatever the endpoints (R-DNS-5); kube-proxy then picks a Pod per connection.`;
  } else {
    const count = Number(expected.count);
    fields.push({
      type: 'integer',
      name: 'count',
      label: 'How many SRV records come back?',
      min: 0,
      max: 20,
    });
    keys.push({
      field: 'count',
      expected: expected.count!,
      display: expected.count!,
      alternatives: [
        ...(headless && count !== 1
          ? [{ value: '1', misconception: 'dns-srv-one-record' as MisconceptionId }]
          : []),
        ...(headless && !publishNotReadyAddresses && layout.pods.length !== count && count > 0
          ? [{ value: String(layout.pods.length), misconception: 'dns-lists-not-ready' as MisconceptionId }]
          : []),
      ],
    });
    if (expected.port !== undefined) {
      fields.push({
        type: 'integer',
        name: 'port',
        label: 'Which port do the records carry?',
        min: 1,
        max: 65535,
      });
      const wrongPort = headless ? port.port : port.targetPort;
      keys.push({
        field: 'port',
        expected: expected.port,
        display: expected.port,
        alternatives:
          wrongPort !== Number(expected.port)
            ? [
                {
                  value: String(wrongPort),
                  misconception: headless ? 'dns-srv-service-port' : 'dns-srv-target-port',
                },
              ]
            : [],
      });
    }
    question = `${who} runs "dig SRV ${query}". How many SRV records come back${count > 0 ? ', and which port do they carry' : ''}? (Answer 0 if the name does not exist.)`;
    explanation =
      count === 0
        ? `_${port.name}._tcp is the only SRV name of this Service: the query names no port of that name and protocol, so it does not exist (R-DNS-11).`
        : headless
          ? `A headless Service's SRV answer has one record per ready endpoint (${count}), each naming the endpoint and carrying the port from the EndpointSlice, which is the target port ${expected.port} (R-DNS-2, R-DNS-6).`
          : `A ClusterIP Service's SRV answer has one record per matching port, naming the Service itself and carrying the Service's port ${expected.port}, not the target port (R-DNS-5).`;
  }
  return {
    ask,
    draft: {
      title: srv ? 'DNS: the SRV records of a Service' : 'DNS: what does the name resolve to?',
      prompt: `${setup} ${question}`,
      scenario,
      response: { fields },
      key: { fields: keys, steps, explanation, fixIt: null },
    },
  };
}

export function generateDns(rng: Rng, difficulty: Difficulty): Draft | null {
  return buildDns(rng, difficulty)?.draft ?? null;
}
