/**
 * An interview card, as written in content/interview/<id>.yaml. Every field is required except `twist`
 * and `rules`; unknown fields are refused so that typos are caught at build time.
 */
import { z } from 'zod';
import { CONCEPT_IDS } from '@/lib/scenarios/concepts';
import { DIFFICULTIES, QUESTION_KINDS } from '@/lib/scenarios/types';

export const CARD_TOPICS = [
  'fundamentals',
  'snat-return-path',
  'health-check',
  'uneven-load',
  'terminating-pods',
  'in-cluster-traffic',
  'session-affinity',
  'topology',
  'dns',
  'troubleshooting',
  'proxy-modes',
  'cloud-balancers',
  'api-validation',
] as const;
export type CardTopic = (typeof CARD_TOPICS)[number];

export const TOPIC_LABELS: Record<CardTopic, string> = {
  fundamentals: 'Fundamentals',
  'snat-return-path': 'SNAT and the return path',
  'health-check': 'The health-check node port',
  'uneven-load': 'Uneven load and its fixes',
  'terminating-pods': 'Terminating Pods',
  'in-cluster-traffic': 'In-cluster traffic',
  'session-affinity': 'Session affinity',
  topology: 'Topology-aware routing',
  dns: 'Service DNS',
  troubleshooting: 'Troubleshooting a Service',
  'proxy-modes': 'Proxy modes',
  'cloud-balancers': 'Cloud load balancers',
  'api-validation': 'API validation',
};

/** Route segments under /interview that a card id may not take. */
export const RESERVED_CARD_IDS = ['mock', 'topics'] as const;

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be lower-case words joined by hyphens, e.g. why-snat' })
  .max(80, { error: 'must be at most 80 characters' });

const prose = (min: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .min(min, { error: `must be at least ${min} characters of text` });

export const keyPointSchema = z.strictObject({
  id: slug,
  text: prose(10),
});

export const twistSchema = z.strictObject({
  /** The practice question kind the interviewer's follow-up is generated from. */
  kind: z.enum(QUESTION_KINDS),
  difficulty: z.enum(DIFFICULTIES).default('standard'),
  /** What the interviewer says before showing the generated cluster. */
  lead: prose(20),
});

export const cardSchema = z
  .strictObject({
    id: slug.refine((id) => !(RESERVED_CARD_IDS as readonly string[]).includes(id), {
      error: `must not be one of ${RESERVED_CARD_IDS.join(', ')} (reserved routes)`,
    }),
    topic: z.enum(CARD_TOPICS),
    level: z.enum(DIFFICULTIES),
    /** `seed-follow-up`: one of the seed article's follow-up questions, answered (and corrected) in our words. */
    origin: z.enum(['seed-follow-up', 'original']),
    question: prose(15).refine((q) => q.endsWith('?') || q.endsWith('.'), { error: 'must end with ? or .' }),
    modelAnswer: prose(120),
    keyPoints: z.array(keyPointSchema).min(3, { error: 'needs at least 3 key points' }).max(8),
    pitfalls: z.array(prose(10)).min(1, { error: 'needs at least 1 pitfall' }).max(6),
    whyAsked: prose(40),
    concepts: z.array(z.enum(CONCEPT_IDS)).min(1, { error: 'needs at least 1 concept' }),
    /** Rules of routing-semantics.md the answer rests on. */
    rules: z.array(z.string().regex(/^R-[A-Z0-9]+(?:-[A-Z0-9]+)*$/, { error: 'must be a rule id such as R-EXT-1' })).default([]),
    twist: twistSchema.optional(),
  })
  .superRefine((card, ctx) => {
    const seen = new Set<string>();
    card.keyPoints.forEach((kp, i) => {
      if (seen.has(kp.id)) ctx.addIssue({ code: 'custom', path: ['keyPoints', i, 'id'], message: `duplicate key point id "${kp.id}"` });
      seen.add(kp.id);
    });
  });

export type InterviewCard = z.output<typeof cardSchema>;
export type KeyPoint = z.output<typeof keyPointSchema>;
export type CardTwist = z.output<typeof twistSchema>;
