/**
 * The card pages are pre-rendered at build time: their generateStaticParams loads and validates the deck,
 * so a malformed card makes `next build` fail with the file and field. These tests run that same code.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

type Params = () => { cardId?: string; topic?: string }[];

function pageParams(cwd: string, page: 'card' | 'topic'): Params {
  let fn: Params | undefined;
  const spy = jest.spyOn(process, 'cwd').mockReturnValue(cwd);
  try {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = page === 'card' ? require('@/app/interview/[cardId]/page') : require('@/app/interview/topics/[topic]/page');
      fn = mod.generateStaticParams;
    });
  } finally {
    spy.mockRestore();
  }
  if (!fn) throw new Error('page has no generateStaticParams');
  return fn;
}

const REAL = path.join(process.cwd(), 'content', 'interview');

function copyDeck(edit?: { file: string; change: (text: string) => string }): string {
  const root = mkdtempSync(path.join(tmpdir(), 'deck-'));
  const dir = path.join(root, 'content', 'interview');
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(REAL)) {
    const text = readFileSync(path.join(REAL, f), 'utf8');
    writeFileSync(path.join(dir, f), edit && edit.file === f ? edit.change(text) : text);
  }
  return root;
}

describe('build-time card validation', () => {
  it('the card pages are generated for every card in the deck', () => {
    const ids = readdirSync(REAL).map((f) => f.replace(/\.yaml$/, ''));
    const params = pageParams(process.cwd(), 'card')();
    expect(params.map((p) => p.cardId).sort()).toEqual(ids.sort());
  });

  it.each([
    ['card', 'health-check-node-port.yaml', (t: string) => t.replace('level: standard', 'level: easy'), /content\/interview\/health-check-node-port\.yaml: level \(line 3\)/],
    ['topic', 'fix-uneven-load.yaml', (t: string) => t.replace(/^whyAsked: .*$/m, 'whyAsked: short'), /content\/interview\/fix-uneven-load\.yaml: whyAsked \(line \d+\): must be at least 40 characters/],
  ] as const)('a malformed card makes the %s pages fail to build, naming file and field', (page, file, change, message) => {
    const root = copyDeck({ file, change });
    expect(() => pageParams(root, page)()).toThrow(message);
  });
});
