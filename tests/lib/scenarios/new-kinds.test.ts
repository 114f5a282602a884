/**
 * Issue 13: the new question kinds are everywhere the existing kinds are. The drills API schema, the practice
 * settings and the progress schema follow QUESTION_KINDS, so they accept the new kinds; the kinds have labels and
 * concepts (review and progress), and every concept a new kind tests names it back.
 */
import { createDrillSchema } from '@/lib/drills/schemas';
import { zodIssues } from '@/lib/validation/issues';
import { parseSettings } from '@/app/practice/settings';
import { CONCEPTS, conceptsForKind, generateQuestion, KIND_LABELS, QUESTION_KINDS, type QuestionKind } from '@/lib/scenarios';

const NEW_KINDS: QuestionKind[] = ['in-cluster', 'session-affinity', 'topology', 'dns', 'read-rules', 'troubleshooting'];

describe.each(NEW_KINDS)('%s', (kind) => {
  it('is a question kind with a label and concepts that name it', () => {
    expect(QUESTION_KINDS).toContain(kind);
    expect(KIND_LABELS[kind]).toMatch(/\w/);
    const concepts = conceptsForKind(kind);
    expect(concepts.length).toBeGreaterThanOrEqual(1);
    for (const id of concepts) expect(CONCEPTS.find((c) => c.id === id)?.kinds).toContain(kind);
  });

  it('is accepted by the drills API schema', () => {
    const r = createDrillSchema.safeParse({ title: 'Inside the cluster', kinds: [kind, 'source-ip'], difficulty: 'expert', count: 10 });
    expect(r.success).toBe(true);
    const bad = createDrillSchema.safeParse({ title: 'x', kinds: [`${kind}-typo`], difficulty: 'expert', count: 10 });
    expect(bad.success).toBe(false);
    expect(zodIssues(bad.error!)).toEqual([{ path: 'kinds[0]', message: expect.stringMatching(new RegExp(`^Invalid option: expected one of .*"${kind}"`)) }]);
  });

  it('is accepted by the practice settings', () => {
    const r = parseSettings({ seed: 'abc', difficulty: 'standard', count: '10', kinds: `${kind},load-share` });
    expect(r.ok && r.settings.kinds).toEqual([kind, 'load-share']);
  });

  it('generates at every difficulty, deterministically', () => {
    for (const difficulty of ['intro', 'standard', 'expert'] as const) {
      const a = generateQuestion({ kind, difficulty, seed: 'same' });
      expect(generateQuestion({ kind, difficulty, seed: 'same' })).toEqual(a);
      expect(a.concepts).toEqual(conceptsForKind(kind));
    }
  });
});

describe('read-rules in drills', () => {
  it('a student receives the excerpt the question is about (and no key)', async () => {
    const { drawQuestions, studentQuestion } = await import('@/lib/drills/questions');
    const [q] = drawQuestions({ seed: 'drill-excerpt', kinds: ['read-rules'], difficulty: 'standard', count: 1 });
    const shown = studentQuestion(q!);
    expect(shown.evidence).toEqual(q!.evidence);
    expect(shown.evidence?.[0]?.command).toMatch(/^(iptables-save|nft list chain|ipvsadm)/);
    expect(shown).not.toHaveProperty('key');
  });
});
