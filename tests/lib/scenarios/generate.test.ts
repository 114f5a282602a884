import { evaluate, parseScenario, type ScenarioInput } from '@/lib/engine';

function runEngineForTest(input: ScenarioInput) {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return evaluate(parsed.scenario);
}
import {
  CONCEPTS,
  conceptsForKind,
  DIFFICULTIES,
  generateQuestion,
  generateSession,
  QUESTION_KINDS,
  sessionSpecs,
  toPublicQuestion,
  type Question,
} from '@/lib/scenarios';

const SEEDS = Array.from({ length: 40 }, (_, i) => `gen-${i}`);

describe('generateQuestion is reproducible', () => {
  it.each(QUESTION_KINDS)('gives the same %s question for the same spec, and it survives JSON', (kind) => {
    for (const difficulty of DIFFICULTIES) {
      const spec = { kind, difficulty, seed: 'repeat-me' };
      const a = generateQuestion(spec);
      const b = generateQuestion({ ...spec });
      expect(b).toEqual(a);
      expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    }
  });

  it.each(QUESTION_KINDS)('gives different %s scenarios for different seeds', (kind) => {
    const scenarios = new Set(SEEDS.slice(0, 10).map((seed) => JSON.stringify(generateQuestion({ kind, difficulty: 'standard', seed }).scenario)));
    expect(scenarios.size).toBeGreaterThan(5);
  });

  it('pins a known question: the same seed gives the same data in every version of the generator', () => {
    // If this fails, shared practice links and stored drills would change their questions: bump the
    // progress/drill format instead of silently changing the stream.
    const q = generateQuestion({ kind: 'load-share', difficulty: 'intro', seed: 'pinned' });
    expect(q.id).toBe('load-share:intro:pinned');
    expect(q.scenario.service.metadata).toEqual({ name: 'media', namespace: 'shop' });
    expect(q.scenario.client).toEqual({ ip: '203.0.113.161' });
    expect(q.scenario.cluster.nodes.map((n) => `${n.name} ${n.ip}`)).toEqual([
      'gke-prod-3h4y-qnm2 10.0.209.31',
      'gke-prod-3h4y-kt51 10.0.209.36',
      'gke-prod-3h4y-vxb5 10.0.209.44',
    ]);
    expect(q.scenario.cluster.pods).toHaveLength(5);
  });

  it.each([
    [{ kind: 'nope', difficulty: 'intro', seed: 'x' }, /unknown question kind "nope"/],
    [{ kind: 'source-ip', difficulty: 'hard', seed: 'x' }, /unknown difficulty "hard"/],
    [{ kind: 'source-ip', difficulty: 'intro', seed: '' }, /seed must be a non-empty string/],
  ])('refuses a bad spec %j', (spec, message) => {
    expect(() => generateQuestion(spec as never)).toThrow(message);
  });
});

describe('difficulty knobs', () => {
  const nodes = (q: Question) => q.scenario.cluster.nodes.length;
  const pods = (q: Question) => q.scenario.cluster.pods ?? [];

  it.each(['source-ip', 'load-share', 'lb-targets'] as const)('intro %s: 2–3 nodes, every Pod ready', (kind) => {
    for (const seed of SEEDS) {
      const q = generateQuestion({ kind, difficulty: 'intro', seed });
      expect(nodes(q)).toBeGreaterThanOrEqual(2);
      expect(nodes(q)).toBeLessThanOrEqual(3);
      expect(pods(q).every((p) => p.ready !== false && !p.terminating)).toBe(true);
    }
  });

  it.each(['standard', 'expert'] as const)('%s: 3–6 nodes', (difficulty) => {
    for (const seed of SEEDS) {
      const n = nodes(generateQuestion({ kind: 'load-share', difficulty, seed }));
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(6);
    }
  });

  it('standard brings not-ready Pods and expert terminating ones, somewhere in 40 seeds', () => {
    const std = SEEDS.flatMap((seed) => pods(generateQuestion({ kind: 'load-share', difficulty: 'standard', seed })));
    const exp = SEEDS.flatMap((seed) => pods(generateQuestion({ kind: 'health-check', difficulty: 'expert', seed })));
    expect(std.some((p) => p.ready === false && !p.terminating)).toBe(true);
    expect(exp.some((p) => p.terminating === true)).toBe(true);
  });

  it('expert brings proxy modes, balancer models and in-cluster clients', () => {
    const qs = SEEDS.map((seed) => generateQuestion({ kind: 'source-ip', difficulty: 'expert', seed }));
    expect(qs.some((q) => (q.scenario.cluster.proxyMode ?? 'iptables') !== 'iptables')).toBe(true);
    expect(qs.some((q) => q.scenario.loadBalancer !== undefined)).toBe(true);
    expect(qs.some((q) => q.scenario.traffic?.some((t) => t.from.startsWith('pod/') || t.from.startsWith('node/')))).toBe(true);
  });
});

describe('realistic names and addresses', () => {
  it.each(QUESTION_KINDS)('%s: documentation client IPs, Pod IPs inside their node\'s podCIDR, distinct node IPs', (kind) => {
    for (const seed of SEEDS.slice(0, 15)) {
      const q = generateQuestion({ kind, difficulty: 'standard', seed });
      const { nodes } = q.scenario.cluster;
      expect(q.scenario.client?.ip).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$/);
      expect(new Set(nodes.map((n) => n.ip)).size).toBe(nodes.length);
      for (const p of q.scenario.cluster.pods ?? []) {
        const node = nodes.find((n) => n.name === p.node);
        expect(node?.podCIDR?.replace(/0\/24$/, '')).toBe(p.ip.replace(/\d+$/, ''));
        expect(p.name).toMatch(/^[a-z0-9-]+-[a-z0-9]{9,10}-[a-z0-9]{5}$/);
      }
    }
  });

  it('every generated scenario is one the engine reads', () => {
    for (const kind of QUESTION_KINDS) {
      const q = generateQuestion({ kind, difficulty: 'expert', seed: 'readable' });
      expect(() => runEngineForTest(q.scenario)).not.toThrow(); // throws with the issues when unreadable
    }
  });
});

describe('generateSession', () => {
  const opts = { seed: 'session-1', kinds: [...QUESTION_KINDS], difficulty: 'standard' as const, count: 9 };

  it('is reproducible and covers every chosen kind once per cycle', () => {
    const a = generateSession(opts);
    expect(generateSession({ ...opts })).toEqual(a);
    expect(a).toHaveLength(9);
    expect(new Set(a.map((q) => q.spec.kind)).size).toBe(9);
  });

  it('lists the same specs without generating, so a page can generate question by question', () => {
    expect(sessionSpecs(opts)).toEqual(generateSession(opts).map((q) => q.spec));
  });

  it('repeats kinds in a seeded order when count exceeds them', () => {
    const s = generateSession({ ...opts, kinds: ['load-share', 'source-ip'], count: 5 });
    expect(s.map((q) => q.spec.kind).filter((k) => k === 'load-share').length).toBeGreaterThanOrEqual(2);
    expect(s.map((q) => q.spec.seed)).toEqual(['session-1-1', 'session-1-2', 'session-1-3', 'session-1-4', 'session-1-5']);
  });

  it.each([
    [{ kinds: [] }, /at least one question kind/],
    [{ count: 0 }, /count must be an integer from 1 to 100/],
    [{ count: 2.5 }, /count must be an integer/],
  ])('refuses %j', (patch, message) => {
    expect(() => generateSession({ ...opts, ...patch })).toThrow(message);
  });
});

describe('toPublicQuestion', () => {
  it.each(QUESTION_KINDS)('strips the answer key from a %s question and keeps the rest', (kind) => {
    const q = generateQuestion({ kind, difficulty: 'expert', seed: 'public' });
    const p = toPublicQuestion(q);
    expect(p).not.toHaveProperty('key');
    expect(JSON.stringify(p)).not.toContain('"expected"');
    expect(p).toEqual({ id: q.id, spec: q.spec, title: q.title, prompt: q.prompt, ...(q.evidence ? { evidence: q.evidence } : {}), scenario: q.scenario, response: q.response, concepts: q.concepts });
    // Only troubleshooting (what kubectl and curl show) and read-rules (the rules on a node) carry evidence.
    expect(p.evidence !== undefined).toBe(kind === 'troubleshooting' || kind === 'read-rules');
  });
});

describe('concepts', () => {
  it.each(QUESTION_KINDS)('%s tests at least one concept, and the catalogue agrees', (kind) => {
    const ids = conceptsForKind(kind);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(CONCEPTS.find((c) => c.id === id)?.kinds).toContain(kind);
    expect(generateQuestion({ kind, difficulty: 'intro', seed: 'c' }).concepts).toEqual(ids);
  });

  it('every concept is tested by some kind', () => {
    for (const c of CONCEPTS) expect(c.kinds.length).toBeGreaterThan(0);
  });
});

describe('option values do not give the answer away', () => {
  it.each([
    ['api-validation', 'validation', /^(accepted|error-[a-e])$/],
    ['health-check', 'body:', /^body-[a-e]$/],
  ] as const)('%s: values are neutral labels in display order', (kind, prefix, pattern) => {
    for (const seed of SEEDS.slice(0, 20)) {
      const q = generateQuestion({ kind, difficulty: 'expert', seed });
      for (const f of q.response.fields) {
        if (f.type !== 'choice' || !f.name.startsWith(prefix)) continue;
        for (const o of f.options) expect(o.value).toMatch(pattern);
      }
    }
  });
});
