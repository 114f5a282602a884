/**
 * Practice settings as they travel in the URL (so a session can be shared or repeated):
 *   /practice?seed=k3x9q2&difficulty=standard&count=10&kinds=source-ip,load-share&timer=1
 * A retry names its questions instead (`q`: kind.seed pairs, in order; kinds and count then follow from it):
 *   /practice?seed=k3x9q2&difficulty=standard&q=source-ip.k3x9q2-2,load-share.k3x9q2-7
 * Validated once here with zod (zod/mini); every bad parameter is reported by name.
 */
import { formatPath, zodRawIssues, type Issue } from '@/lib/validation/issues';
// zod/mini: /practice parses its URL on the first load, and full zod with its locales would be most of it (issue 18).
import * as z from '@/lib/validation/zod-mini';
import { DIFFICULTIES, QUESTION_KINDS, type Difficulty, type QuestionKind, type QuestionSpec } from '@/lib/scenarios/types';

export const LENGTHS = [5, 10, 15, 20] as const;
export const QUICK = { difficulty: 'intro' as Difficulty, count: 5, kinds: [...QUESTION_KINDS] };

export interface PracticeSettings {
  seed: string;
  difficulty: Difficulty;
  count: number;
  /** In session order when repeated (retry of missed questions keeps duplicates). */
  kinds: QuestionKind[];
  timer: boolean;
  /** The exact questions (a retry of missed ones); absent: the questions follow from seed, kinds and count. */
  questions?: QuestionSpec[];
}

/** A URL's query, one string per name or all of them when the name repeats (as a page's searchParams). */
export type QueryParams = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(',') : v);

/** A comma-separated parameter as its list (empty items dropped), then checked as `list`. */
const commaList = <T extends z.ZodMiniType<unknown, string[]>>(list: T, error?: string) =>
  z.pipe(
    z.pipe(
      z.string(error === undefined ? undefined : { error }),
      z.transform((s: string) => s.split(',').filter(Boolean)),
    ),
    list,
  );

const settingsSchema = z.object({
  seed: z.string({ error: 'is missing' }).check(z.regex(/^[a-zA-Z0-9_-]{1,64}$/, { error: 'must be 1–64 letters, digits, - or _' })),
  difficulty: z.enum(DIFFICULTIES, { error: `must be one of ${DIFFICULTIES.join(', ')}` }),
  count: z.coerce
    .number({ error: 'must be a number' })
    .check(z.int({ error: 'must be a whole number' }), z.gte(1, { error: 'must be at least 1' }), z.lte(50, { error: 'must be at most 50' })),
  kinds: commaList(
    z
      .array(z.enum(QUESTION_KINDS, { error: `each kind must be one of ${QUESTION_KINDS.join(', ')}` }))
      .check(z.minLength(1, { error: 'must name at least one question kind' }), z.maxLength(50)),
    'is missing',
  ),
  timer: z.optional(z.enum(['0', '1'])),
  q: z.optional(
    commaList(
      z
        .array(
          z
            .string()
            .check(z.regex(new RegExp(`^(${QUESTION_KINDS.join('|')})\\.[a-zA-Z0-9_-]{1,64}$`), { error: 'each question must be kind.seed, with a known kind' })),
        )
        .check(z.minLength(1, { error: 'must name at least one question' }), z.maxLength(50, { error: 'must name at most 50 questions' })),
    ),
  ),
});

export type SettingsResult = { ok: true; settings: PracticeSettings } | { ok: false; issues: Issue[] };

export function parseSettings(params: QueryParams): SettingsResult {
  const q = one(params.q);
  // Named questions carry their own kinds and count.
  const named = q?.split(',').filter(Boolean).map((pair) => pair.slice(0, pair.indexOf('.')));
  const r = z.safeParse(settingsSchema, {
    seed: one(params.seed),
    difficulty: one(params.difficulty),
    count: q !== undefined ? String(named?.length ?? 0) : one(params.count),
    kinds: q !== undefined ? named?.join(',') : one(params.kinds),
    timer: one(params.timer),
    q,
  });
  if (!r.success) {
    // Each issue is named by its query parameter (`kinds`, not `kinds[1]`: the URL holds one string per parameter).
    const issues = zodRawIssues(r.error.issues).map((i): Issue => ({ path: formatPath(i.path.slice(0, 1)), message: i.message }));
    // A bad `q` is reported once, as `q`, not again through the kinds and count it stands for.
    return { ok: false, issues: q !== undefined && issues.some((i) => i.path === 'q') ? issues.filter((i) => i.path !== 'kinds' && i.path !== 'count') : issues };
  }
  const { seed, difficulty, count, kinds, timer } = r.data;
  const questions = r.data.q?.map((pair) => {
    const dot = pair.indexOf('.');
    return { kind: pair.slice(0, dot) as QuestionKind, difficulty, seed: pair.slice(dot + 1) };
  });
  return { ok: true, settings: { seed, difficulty, count, kinds, timer: timer === '1', ...(questions ? { questions } : {}) } };
}

export function settingsQuery(s: PracticeSettings): string {
  const q = s.questions
    ? new URLSearchParams({ seed: s.seed, difficulty: s.difficulty, q: s.questions.map((x) => `${x.kind}.${x.seed}`).join(',') })
    : new URLSearchParams({ seed: s.seed, difficulty: s.difficulty, count: String(s.count), kinds: s.kinds.join(',') });
  if (s.timer) q.set('timer', '1');
  return q.toString();
}

