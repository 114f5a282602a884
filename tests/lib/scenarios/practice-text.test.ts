/**
 * Issue 20 "Wording" and issue 12 items 10 and 13, for source-ip, health-check, load-share, lb-targets,
 * client-outcome, in-cluster, session-affinity and topology (issue 13): many seeds of every difficulty are rendered and every text a learner reads (title, prompt,
 * labels, options, the key's display, explanation and steps) is checked for slips — number agreement, literal
 * backticks, undefined/NaN, template leftovers — and the prompt for naming the data plane. The steps shown
 * must name the node and the Pod the question asks about.
 */
import { DIFFICULTIES, generateQuestion, QUESTION_KINDS, type Question, type QuestionKind } from '@/lib/scenarios';
import { draw, KEYED_KINDS } from './oracle/index';

const KINDS: QuestionKind[] = [
  'source-ip',
  'health-check',
  'load-share',
  'lb-targets',
  'client-outcome',
  'in-cluster',
  'session-affinity',
  'topology',
  'dns',
];
const SEEDS = 80;

/** Every slip found in one text. Exported shape: a list of "what: excerpt". */
export function slips(text: string): string[] {
  const found: string[] = [];
  const check = (re: RegExp, what: string) => {
    const m = re.exec(text);
    if (m) found.push(`${what}: …${text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30)}…`);
  };
  check(/`/, 'literal backtick');
  check(/\bundefined\b|\bNaN\b|\[object |\$\{|\bnull\b/, 'template leftover');
  check(/<[a-z][a-z-]*>/, 'placeholder');
  check(/\b1 of the \d+ [a-z ]*?(endpoints|Pods|nodes) are\b/, 'one … are');
  check(/\b1 of new\b/, '"1 of new connections"');
  const adj = '(?:(?:ready|local|eligible|remote|usable|new|other) ){0,3}';
  check(
    new RegExp(`(^|[^./\\d-])1 ${adj}(endpoints|Pods|nodes|connections)\\b`),
    'singular count, plural noun',
  );
  check(
    new RegExp(`(^|[^./\\d-])([02-9]|[1-9]\\d+) ${adj}(endpoint|Pod|node|connection)(?![s\\w-])`),
    'plural count, singular noun',
  );
  check(/ {2,}|\s\.(?!\d)|\.\.(?!\.)|(?<!\w)\(\)|: :/, 'spacing or punctuation');
  return found;
}

function texts(q: Question): string[] {
  const out = [q.title, q.prompt, q.key.explanation, ...q.key.steps];
  for (const f of q.response.fields) {
    out.push(f.label);
    // A body option quotes a server's bytes (including the tutorial's "1 Service Endpoints found"): not prose.
    if (f.type === 'choice' && !f.name.startsWith('body:')) out.push(...f.options.map((o) => o.label));
  }
  for (const k of q.key.fields) if (!k.field.startsWith('body:')) out.push(k.display);
  return out;
}

describe.each(KINDS)('%s text', (kind) => {
  it.each(DIFFICULTIES)(`%s: ${SEEDS} seeds without wording slips`, (difficulty) => {
    const bad: string[] = [];
    for (let i = 0; i < SEEDS; i++) {
      const q = generateQuestion({ kind, difficulty, seed: `text-${i}` });
      for (const t of texts(q)) for (const s of slips(t)) bad.push(`${q.id} ${s}`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it.each(DIFFICULTIES)(
    '%s: the prompt names what decides the answer: the data plane (kube-proxy only where it runs), or the DNS server',
    (difficulty) => {
      const bad: string[] = [];
      for (let i = 0; i < SEEDS; i++) {
        const q = generateQuestion({ kind, difficulty, seed: `text-${i}` });
        if (kind === 'dns') {
          // The answer is the DNS server's, whatever the data plane: the prompt names it and its configuration.
          if (!q.prompt.includes("CoreDNS with kubeadm's defaults (cluster domain cluster.local)"))
            bad.push(`${q.id}: the DNS server not named`);
          continue;
        }
        const mode = q.scenario.cluster.proxyMode ?? 'iptables';
        const named = {
          iptables: 'kube-proxy runs in iptables mode',
          nftables: 'kube-proxy runs in nftables mode',
          ipvs: 'kube-proxy runs in IPVS mode',
          'cilium-snat': 'Cilium replaces kube-proxy',
          'cilium-dsr': 'Cilium replaces kube-proxy',
        }[mode];
        if (!q.prompt.includes(named)) bad.push(`${q.id}: ${mode} not named`);
        if (
          mode.startsWith('cilium') &&
          q.prompt.replace('Cilium replaces kube-proxy', '').includes('kube-proxy')
        )
          bad.push(`${q.id}: kube-proxy named under Cilium`);
      }
      expect(bad).toEqual([]);
    },
  );
});

/**
 * The engine's own step sentences agree in number at their source (lib/engine/flows/trace.ts, data-plane.ts);
 * nothing in lib/scenarios rewrites them any more. Every kind's steps, as the learner is shown them.
 */
describe('engine steps have no number slips, every kind (issue 12)', () => {
  it.each([...QUESTION_KINDS])('%s', (kind) => {
    const bad: string[] = [];
    for (const difficulty of DIFFICULTIES)
      for (let i = 0; i < 60; i++) {
        const q = generateQuestion({ kind, difficulty, seed: `steps-text-${i}` });
        // The API server's exact messages quote `type` in backticks (R-API-3): not a slip in a step.
        for (const t of q.key.steps) for (const s of slips(t)) if (!s.startsWith('literal backtick')) bad.push(`${q.id} ${s}`);
      }
    expect(bad.slice(0, 10)).toEqual([]);
  });
});

describe('the steps name what the question asks about (issue 12 item 13)', () => {
  it.each(KEYED_KINDS.map((k) => [k.kind, k] as const))('%s', (_kind, k) => {
    const bad: string[] = [];
    for (const difficulty of DIFFICULTIES) {
      for (let i = 0; i < 40; i++) {
        const { draft, ask } = draw(k, difficulty, `steps-${i}`);
        const steps = draft.key.steps.join('\n');
        const a = ask as { pod?: string; node?: string | null };
        const flow = draft.scenario.traffic?.[0];
        const senderPod = flow?.from.startsWith('pod/')
          ? draft.scenario.cluster.pods?.find((p) => `pod/${p.name}` === flow.from)
          : undefined;
        const want: string[] = [];
        if (a.pod) want.push(a.pod, draft.scenario.cluster.pods?.find((p) => p.name === a.pod)?.node ?? '?');
        if (a.node) want.push(a.node);
        if (k.kind === 'health-check' || k.kind === 'lb-targets')
          want.push(...draft.scenario.cluster.nodes.map((n) => n.name));
        if (k.kind === 'client-outcome' || k.kind === 'source-ip')
          want.push(flow?.node ?? senderPod?.node ?? flow?.from.slice('node/'.length) ?? '?');
        if (k.kind === 'topology') want.push(senderPod?.node ?? '?');
        if (k.kind === 'in-cluster') {
          const ic = ask as { sharePod: string };
          want.push(ic.sharePod, senderPod?.node ?? flow?.from.slice('node/'.length) ?? '?');
        }
        for (const w of want)
          if (!steps.includes(w)) bad.push(`${k.kind}:${difficulty}:steps-${i} steps do not name ${w}`);
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });
});

describe('the slip detector', () => {
  it.each([
    'R-X-2: 1 of the 2 eligible endpoints are on other nodes.',
    'so 1 of new connections entering node-a cross nodes',
    'Use `kubectl get svc` to see it',
    'the Local set (1 endpoints on any node)',
    'share undefined of new connections',
    'probes http://<node>:30000/healthz',
    'node-a has 3 ready local Pod',
  ])('finds the slip in %j', (text) => {
    expect(slips(text).length).toBeGreaterThan(0);
  });

  it.each([
    '1 of the 3 eligible endpoints is on another node',
    'each of the 2 endpoints with probability 1/2',
    "at connect() in the client's socket",
    'node-a has 1 ready local Pod (web-1)',
  ])('accepts %j', (text) => {
    expect(slips(text)).toEqual([]);
  });
});
