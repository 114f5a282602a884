import 'server-only';
/**
 * Loads and validates every card in content/interview at build time. Server Components call this (the
 * interview pages and their generateStaticParams), so a malformed card throws during `next build` with a
 * message naming each bad file, field and line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CARD_TOPICS, type InterviewCard } from './card-schema';
import { formatCardIssue, parseCardText, type CardIssue } from './parse-card';
import { ROOT_PATH } from '@/lib/validation/issues';

export const CARDS_DIR = path.join(process.cwd(), 'content', 'interview');

export class InterviewContentError extends Error {
  constructor(readonly issues: CardIssue[]) {
    super(`Invalid interview card content (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${issues.map((i) => `  - ${formatCardIssue(i)}`).join('\n')}`);
    this.name = 'InterviewContentError';
  }
}

const LEVEL_ORDER = { intro: 0, standard: 1, expert: 2 } as const;

/** All cards, ordered by topic (catalogue order), then level, then id. Throws InterviewContentError. */
export function loadCardsFrom(dir: string): InterviewCard[] {
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const issues: CardIssue[] = [];
  const cards: InterviewCard[] = [];
  for (const f of files) {
    const rel = path.relative(process.cwd(), path.join(dir, f));
    const result = parseCardText(readFileSync(path.join(dir, f), 'utf8'), rel);
    if (result.ok) cards.push(result.card);
    else issues.push(...result.issues);
  }
  if (files.length === 0) issues.push({ file: path.relative(process.cwd(), dir) || dir, path: ROOT_PATH, message: 'no .yaml cards found' });
  if (issues.length > 0) throw new InterviewContentError(issues);
  return cards.sort(
    (a, b) =>
      CARD_TOPICS.indexOf(a.topic) - CARD_TOPICS.indexOf(b.topic) ||
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
      a.id.localeCompare(b.id),
  );
}

let cache: InterviewCard[] | null = null;

/** The deck from content/interview (read once per process). */
export function loadCards(): InterviewCard[] {
  cache ??= loadCardsFrom(CARDS_DIR);
  return cache;
}

export function loadCard(id: string): InterviewCard | undefined {
  return loadCards().find((c) => c.id === id);
}
