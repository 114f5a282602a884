/**
 * Issue 12 item 11, for source-ip, health-check, load-share, lb-targets and client-outcome: the classes of
 * self-contradictory questions the review found, checked over many seeds of every difficulty.
 *   - lb-targets asks about the settled balancer, so its prompt never says the balancer "has not yet noticed"
 *     a failing check (and its key is the settled split);
 *   - no prompt describes a weight-aware balancer weighting nodes under Cluster (no health-check port);
 *   - health-check questions are asked only of kube-proxy, whose body the engine models (R-HC-5);
 *   - every misconception offered as a wrong answer fits the layout it is offered in.
 * A fourth class (naming kube-proxy where Cilium replaced it) is in practice-text.test.ts.
 */
import {
  DIFFICULTIES,
  generateQuestion,
  type Difficulty,
  type MisconceptionId,
  type Question,
  type QuestionKind,
} from '@/lib/scenarios';

const SEEDS = 80;

function each(
  kind: QuestionKind,
  fn: (q: Question) => string | null,
  seeds = SEEDS,
  difficulties: readonly Difficulty[] = DIFFICULTIES,
): string[] {
  const bad: string[] = [];
  for (const difficulty of difficulties) {
    for (let i = 0; i < seeds; i++) {
      const q = generateQuestion({ kind, difficulty, seed: `truth-${i}` });
      const why = fn(q);
      if (why) bad.push(`${q.id}: ${why}`);
    }
  }
  return bad;
}

type Pod = NonNullable<Question['scenario']['cluster']['pods']>[number];
const pods = (q: Question, node: string): Pod[] =>
  (q.scenario.cluster.pods ?? []).filter((p) => p.node === node);
const isReady = (p: Pod) => p.ready !== false;
const policy = (q: Question) => q.scenario.service.spec.externalTrafficPolicy;
/** Misconceptions named by the alternatives of the field `field`. */
const misOf = (q: Question, field: string): MisconceptionId[] =>
  q.key.fields.find((f) => f.field === field)?.alternatives.map((a) => a.misconception) ?? [];

describe('prompts do not contradict their key', () => {
  it('lb-targets asks about the settled balancer only', () => {
    expect(
      each('lb-targets', (q) =>
        q.prompt.includes('has not yet noticed') || q.scenario.loadBalancer?.balancing === 'all-nodes'
          ? 'transient balancer in a settled question'
          : null,
      ),
    ).toEqual([]);
  });

  it.each(['source-ip', 'health-check', 'load-share', 'lb-targets', 'client-outcome'] as const)(
    '%s: no node weights under Cluster',
    (kind) => {
      expect(
        each(kind, (q) =>
          policy(q) === 'Cluster' && /X-Load-Balancing-Endpoint-Weight|weights each node/.test(q.prompt)
            ? 'weights under Cluster'
            : null,
        ),
      ).toEqual([]);
    },
  );

  it.each(['source-ip', 'client-outcome'] as const)(
    '%s: a settled balancer only forwards to a node passing its check',
    (kind) => {
      expect(
        each(
          kind,
          (q) => {
            const t = q.scenario.traffic?.[0];
            const settled = (q.scenario.loadBalancer?.balancing ?? 'healthy-nodes') !== 'all-nodes';
            if (!t || t.from !== 'external' || t.to !== 'loadBalancer' || !settled || policy(q) !== 'Local')
              return null;
            return pods(q, t.node ?? '').some(isReady)
              ? null
              : `the balancer forwards to ${t.node}, which answers 503`;
          },
          600,
          ['expert'],
        ), // a node holding only serving-terminating Pods: expert layouts, about one seed in 300
      ).toEqual([]);
    },
  );

  it('health-check is asked of kube-proxy, whose answer the engine gives byte for byte', () => {
    expect(
      each('health-check', (q) =>
        (q.scenario.cluster.proxyMode ?? 'iptables').startsWith('cilium') ? 'Cilium health check' : null,
      ),
    ).toEqual([]);
  });
});

describe('misconception labels fit the layout', () => {
  /** Per node: a misconception offered on the node's fields that its Pods cannot explain. */
  function nodeMisfit(q: Question, fields: (node: string) => string[]): string | null {
    for (const n of q.scenario.cluster.nodes) {
      const ps = pods(q, n.name);
      for (const m of fields(n.name).flatMap((f) => misOf(q, f))) {
        const misfit =
          ((m === 'counts-empty-nodes' || m === 'empty-node-200') && ps.length > 0) ||
          (m === 'skips-empty-nodes-under-cluster' && (policy(q) !== 'Cluster' || ps.some(isReady))) ||
          (m === 'not-ready-counted' && !ps.some((p) => p.ready === false && !p.terminating)) ||
          (m === 'terminating-counted' && !ps.some((p) => p.terminating));
        if (misfit) return `${m} offered on ${n.name}, whose Pods do not fit it`;
      }
    }
    return null;
  }

  it('lb-targets', () => {
    expect(each('lb-targets', (q) => nodeMisfit(q, (n) => [`target:${n}`]))).toEqual([]);
  });

  it('health-check', () => {
    expect(each('health-check', (q) => nodeMisfit(q, (n) => [`status:${n}`, `localEndpoints:${n}`]))).toEqual(
      [],
    );
  });

  it('load-share', () => {
    expect(
      each('load-share', (q) => {
        const all = q.scenario.cluster.pods ?? [];
        const mis = [...misOf(q, 'podShare'), ...misOf(q, 'nodeShare')];
        if (mis.includes('not-ready-counted') && all.every(isReady))
          return 'not-ready-counted with every Pod ready';
        if (
          mis.includes('counts-empty-nodes') &&
          q.scenario.cluster.nodes.every((n) => pods(q, n.name).some(isReady))
        )
          return 'counts-empty-nodes with no empty node';
        if (
          policy(q) === 'Cluster' &&
          mis.some((m) => m === 'even-per-pod-under-local' || m === 'share-of-node-not-total')
        )
          return 'a Local misconception under Cluster';
        return null;
      }),
    ).toEqual([]);
  });

  it('source-ip', () => {
    expect(
      each('source-ip', (q) => {
        const mis = misOf(q, 'sourceIp');
        const local = policy(q) === 'Local';
        const cilium = (q.scenario.cluster.proxyMode ?? 'iptables').startsWith('cilium');
        if (mis.includes('local-still-snats') && !local) return 'local-still-snats under Cluster';
        if (mis.includes('cluster-keeps-client-ip') && local) return 'cluster-keeps-client-ip under Local';
        if (mis.includes('snat-only-when-crossing') && (local || cilium))
          return 'snat-only-when-crossing where SNAT is conditional or absent';
        if (mis.includes('proxy-balancer-keeps-ip') && q.scenario.loadBalancer?.preservesClientIP !== false)
          return 'proxy-balancer-keeps-ip with a passthrough balancer';
        return null;
      }),
    ).toEqual([]);
  });

  it('client-outcome', () => {
    expect(
      each('client-outcome', (q) => {
        const mis = [...misOf(q, 'outcome')];
        const local = policy(q) === 'Local';
        if (mis.some((m) => m === 'local-forwards-elsewhere' || m === 'local-restricts-in-cluster') && !local)
          return 'a Local misconception under Cluster';
        if (mis.includes('node-without-pods-fails') && local) return 'node-without-pods-fails under Local';
        return null;
      }),
    ).toEqual([]);
  });
});

describe('client-outcome is balanced (issue 12 item 12)', () => {
  it.each(DIFFICULTIES)(
    '%s: no outcome takes more than half of 300 questions, and each takes at least a sixth',
    (difficulty) => {
      const count: Record<string, number> = {};
      for (let i = 0; i < 300; i++) {
        const o =
          generateQuestion({ kind: 'client-outcome', difficulty, seed: `balance-${i}` }).key.fields[0]
            ?.expected ?? '?';
        count[o] = (count[o] ?? 0) + 1;
      }
      for (const o of ['served', 'timeout', 'refused']) {
        expect(count[o] ?? 0).toBeGreaterThanOrEqual(50);
        expect(count[o] ?? 0).toBeLessThanOrEqual(150);
      }
    },
  );
});
