import { randomSeed } from '@/lib/scenarios/random';
import { parseSettings, settingsQuery } from '@/app/practice/settings';

describe('practice settings in the URL', () => {
  it('reads a shared URL and writes it back the same', () => {
    const r = parseSettings({ seed: 'k3x9q2', difficulty: 'standard', count: '10', kinds: 'source-ip,load-share', timer: '1' });
    expect(r).toEqual({ ok: true, settings: { seed: 'k3x9q2', difficulty: 'standard', count: 10, kinds: ['source-ip', 'load-share'], timer: true } });
    if (r.ok) expect(settingsQuery(r.settings)).toBe('seed=k3x9q2&difficulty=standard&count=10&kinds=source-ip%2Cload-share&timer=1');
  });

  it('accepts kinds repeated as form checkboxes send them, and keeps duplicates (retry of missed ones)', () => {
    const r = parseSettings({ seed: 'a', difficulty: 'intro', count: '3', kinds: ['load-share', 'load-share,source-ip'] });
    expect(r.ok && r.settings.kinds).toEqual(['load-share', 'load-share', 'source-ip']);
  });

  it.each([
    [{ seed: 'bad seed!' }, 'seed', /letters, digits/],
    [{ difficulty: 'hard' }, 'difficulty', /must be one of intro, standard, expert/],
    [{ count: '0' }, 'count', /at least 1/],
    [{ count: 'ten' }, 'count', /must be a number/],
    [{ kinds: 'nope' }, 'kinds', /each kind must be one of/],
    [{ kinds: '' }, 'kinds', /at least one question kind/],
  ])('names the bad parameter in %j', (patch, path, message) => {
    const r = parseSettings({ seed: 'ok', difficulty: 'intro', count: '5', kinds: 'source-ip', ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toEqual(expect.arrayContaining([{ path, message: expect.stringMatching(message) }]));
  });

  it('reports every bad parameter at once', () => {
    const r = parseSettings({ seed: 'x', difficulty: 'hard', count: '0', kinds: 'nope' });
    expect(r.ok || r.issues.map((i) => i.path).sort()).toEqual(['count', 'difficulty', 'kinds']);
  });

  it('makes short URL-safe seeds that differ', () => {
    const seeds = new Set(Array.from({ length: 50 }, randomSeed));
    expect(seeds.size).toBe(50);
    for (const s of seeds) expect(s).toMatch(/^[a-z2-9]{8}$/);
  });
});
