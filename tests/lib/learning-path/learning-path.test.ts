import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LEARNING_PATH, practiceHref } from '@/lib/learning-path';
import { concept } from '@/lib/scenarios/concepts';
import { QUESTION_KINDS } from '@/lib/scenarios/types';

describe('the learning path', () => {
  it('links every topic to a page that exists and a practice session over its kinds', () => {
    for (const topic of LEARNING_PATH) {
      const route = topic.read.href.split('#')[0]!;
      expect(existsSync(join(process.cwd(), 'app', route, 'page.tsx'))).toBe(true);
      expect(practiceHref(topic)).toBe(`/practice?difficulty=standard&count=5&kinds=${topic.kinds.join(',')}`);
    }
  });

  it('shows, per topic, concepts that its own question kinds test', () => {
    for (const topic of LEARNING_PATH) {
      for (const id of topic.concepts) {
        expect({ topic: topic.id, id, tested: concept(id).kinds.some((k) => topic.kinds.includes(k)) }).toEqual({ topic: topic.id, id, tested: true });
      }
    }
  });

  it('covers every question kind exactly once', () => {
    const kinds = LEARNING_PATH.flatMap((t) => t.kinds);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect([...kinds].sort()).toEqual([...QUESTION_KINDS].sort());
  });
});
