import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { kindsForConcept } from '@/lib/scenarios';
import { CARD_TOPICS } from '@/lib/interview';
import { CARDS_DIR, InterviewContentError, loadCards, loadCardsFrom } from '@/lib/interview/load-cards';

const VALID = readFileSync(path.join(__dirname, 'fixtures', 'valid-card.yaml'), 'utf8');

describe('the interview deck in content/interview', () => {
  const cards = loadCards();

  it('holds the seed article’s three follow-up questions and at least 20 more', () => {
    const seed = cards.filter((c) => c.origin === 'seed-follow-up');
    expect(seed.map((c) => c.question)).toEqual(
      expect.arrayContaining([
        'Why does the Cluster policy lose the client source IP?',
        'What is the health check node port and how does it work?',
        'Can you use externalTrafficPolicy with a ClusterIP Service?',
      ]),
    );
    expect(cards.filter((c) => c.origin === 'original').length).toBeGreaterThanOrEqual(20);
  });

  it.each(CARD_TOPICS)('has cards on %s', (topic) => {
    expect(cards.some((c) => c.topic === topic)).toBe(true);
  });

  it('gives every card a unique id', () => {
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
  });

  it.each(cards.filter((c) => c.twist).map((c) => [c.id, c] as const))(
    '%s: its twist kind tests at least one of the card’s concepts',
    (_id, card) => {
      const kinds = card.concepts.flatMap((c) => kindsForConcept(c));
      expect(kinds).toContain(card.twist?.kind);
    },
  );

  it('reads from content/interview under the working directory', () => {
    expect(CARDS_DIR).toBe(path.join(process.cwd(), 'content', 'interview'));
  });
});

describe('loadCardsFrom', () => {
  function deck(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'cards-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return dir;
  }

  it('loads a valid deck', () => {
    expect(loadCardsFrom(deck({ 'valid-card.yaml': VALID })).map((c) => c.id)).toEqual(['valid-card']);
  });

  it('throws one error listing every malformed card by file, field and line', () => {
    const dir = deck({
      'valid-card.yaml': VALID,
      'bad-level.yaml': VALID.replace('id: valid-card', 'id: bad-level').replace('level: standard', 'level: guru'),
      'no-points.yaml': VALID.replace('id: valid-card', 'id: no-points').replace(/keyPoints:[\s\S]*?pitfalls:/, 'keyPoints: []\npitfalls:'),
    });
    let error: unknown;
    try {
      loadCardsFrom(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InterviewContentError);
    const message = (error as Error).message;
    expect(message).toMatch(/Invalid interview card content \(2 problems\)/);
    expect(message).toMatch(/bad-level\.yaml: level \(line 3\): Invalid option/);
    expect(message).toMatch(/no-points\.yaml: keyPoints \(line 11\): needs at least 3 key points/);
    expect(message).not.toMatch(/valid-card\.yaml/);
  });

  it('refuses an empty deck', () => {
    expect(() => loadCardsFrom(deck({}))).toThrow(/no \.yaml cards found/);
  });
});
