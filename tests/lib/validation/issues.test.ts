/**
 * The one Issue type and zod converter (lib/validation/issues.ts): path convention, the whole input as '',
 * every failing field reported, messages kept unless the reader's words are asked for.
 */
import { z } from 'zod';
import { formatIssue, formatPath, ROOT_PATH, zodIssues, zodRawIssues } from '@/lib/validation/issues';

describe('formatPath', () => {
  it.each([
    [[], ''],
    [['kinds', 1], 'kinds[1]'],
    [['cluster', 'pods', 2, 'ip'], 'cluster.pods[2].ip'],
    [['answer', 'podShare'], 'answer.podShare'],
    [['metadata', 'labels', 'app.kubernetes.io/name'], 'metadata.labels["app.kubernetes.io/name"]'],
    [['concepts', 'snat-under-cluster'], 'concepts.snat-under-cluster'],
    [[0, 'name'], '[0].name'],
  ])('%j → %p', (segments, text) => {
    expect(formatPath(segments)).toBe(text);
  });

  it('writes the whole input as the empty path', () => {
    expect(ROOT_PATH).toBe('');
    expect(formatPath([])).toBe(ROOT_PATH);
  });
});

describe('formatIssue', () => {
  it('names the path and line, and the whole input in the reader’s word', () => {
    expect(formatIssue({ path: 'cluster.pods[2].ip', line: 14, message: 'must be an IPv4 address' }, 'scenario')).toBe(
      'cluster.pods[2].ip (line 14): must be an IPv4 address',
    );
    expect(formatIssue({ path: '', message: 'the scenario is empty' }, 'scenario')).toBe('scenario: the scenario is empty');
  });
});

describe('zodIssues', () => {
  const schema = z
    .object({
      title: z.string().min(1, 'Required'),
      kinds: z.array(z.enum(['a', 'b'])),
      count: z.number().int().max(50),
      tags: z.record(z.string(), z.number()),
    })
    .strict();

  it('reports every failing field with its path, keeping each message', () => {
    const r = schema.safeParse({ title: '', kinds: ['a', 'c'], count: 51, tags: { 'x.y': 'no' } });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(zodIssues(r.error)).toEqual([
      { path: 'title', message: 'Required' },
      { path: 'kinds[1]', message: 'Invalid option: expected one of "a"|"b"' },
      { path: 'count', message: 'Too big: expected number to be <=50' },
      { path: 'tags["x.y"]', message: 'Invalid input: expected number, received string' },
    ]);
    // The same from the issue list itself.
    expect(zodIssues(r.error.issues)).toEqual(zodIssues(r.error));
  });

  it('puts a problem with the input as a whole on the empty path', () => {
    const r = schema.safeParse('not an object');
    if (r.success) throw new Error('parsed');
    expect(zodIssues(r.error)).toEqual([{ path: '', message: 'Invalid input: expected object, received string' }]);
    const extra = schema.safeParse({ title: 'x', kinds: [], count: 1, tags: {}, nope: 1 });
    if (extra.success) throw new Error('parsed');
    expect(zodIssues(extra.error)).toEqual([{ path: '', message: 'Unrecognized key: "nope"' }]);
  });

  it('puts a prefix before each path', () => {
    const r = z.object({ share: z.string() }).safeParse({});
    if (r.success) throw new Error('parsed');
    expect(zodIssues(r.error, { prefix: ['answer'] })).toEqual([{ path: 'answer.share', message: 'Invalid input: expected string, received undefined' }]);
  });

  it('explains in the reader’s words when asked: the value quoted, an unknown key on its own path with a hint', () => {
    const input = { title: 'x', kinds: ['a'], count: 'many', tags: {}, titel: 'y' };
    const r = schema.safeParse(input);
    if (r.success) throw new Error('parsed');
    expect(zodRawIssues(r.error, { explain: { input, schema } })).toEqual([
      { path: ['count'], message: 'must be a number, got "many"' },
      { path: ['titel'], message: 'unknown field "titel" (did you mean "title"?)' },
    ]);
    expect(zodIssues(r.error, { explain: { input, schema } }).map((i) => i.path)).toEqual(['count', 'titel']);
  });

  it('says "is required" for a missing field in the reader’s words', () => {
    const input = { kinds: [], count: 1, tags: {} };
    const r = schema.safeParse(input);
    if (r.success) throw new Error('parsed');
    expect(zodIssues(r.error, { explain: { input, schema } })).toEqual([{ path: 'title', message: 'is required' }]);
  });
});
