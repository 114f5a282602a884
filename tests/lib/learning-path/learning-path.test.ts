import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LEARNING_PATH, practiceHref, topicConcepts } from '@/lib/learning-path';
import { CONCEPTS } from '@/lib/scenarios/concepts';
import { QUESTION_KINDS } from '@/lib/scenarios/types';

describe('the learning path', () => {
  it('links every topic to a page that exists and a practice session over its kinds', () => {
    for (const topic of LEARNING_PATH) {
      const route = topic.read.href.split('#')[0]!;
      expect(existsSync(join(process.cwd(), 'app', route, 'page.tsx'))).toBe(true);
      expect(practiceHref(topic)).toBe(
        topic.kinds.length ? `/practice?difficulty=standard&count=5&kinds=${topic.kinds.join(',')}` : '/practice',
      );
    }
  });

  it('shows, per topic, the concepts its question kinds test, and every concept under some topic', () => {
    expect(topicConcepts(LEARNING_PATH.find((t) => t.id === 'api-validation')!)).toEqual(['service-validation']);
    expect(topicConcepts(LEARNING_PATH.find((t) => t.id === 'inside-the-cluster')!)).toEqual(
      expect.arrayContaining(['clusterip-routing', 'internal-traffic-policy', 'session-affinity', 'topology-aware-routing', 'service-dns']),
    );
    const covered = new Set(LEARNING_PATH.flatMap(topicConcepts));
    expect(CONCEPTS.filter((c) => !covered.has(c.id)).map((c) => c.id)).toEqual([]);
  });

  it('has the troubleshooting article as a topic, after inside-the-cluster', () => {
    const ids = LEARNING_PATH.map((t) => t.id);
    expect(ids.indexOf('troubleshooting')).toBeGreaterThan(ids.indexOf('inside-the-cluster'));
    expect(LEARNING_PATH.find((t) => t.id === 'troubleshooting')?.read.href).toBe('/learn/troubleshooting');
  });

  it('covers every question kind exactly once', () => {
    const kinds = LEARNING_PATH.flatMap((t) => t.kinds);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect([...kinds].sort()).toEqual([...QUESTION_KINDS].sort());
  });
});
