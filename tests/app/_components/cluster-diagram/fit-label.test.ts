import { fitLabel } from '@/app/_components/cluster-diagram/cluster-diagram';

describe('fitLabel: names that do not fit the diagram keep their distinguishing end', () => {
  it.each([
    ['a short name is unchanged', 'web-1', 19, 'web-1'],
    ['a name of exactly the limit is unchanged', 'abcdefghijklmnopqrs', 19, 'abcdefghijklmnopqrs'],
    ['a long Pod name keeps its start and its random suffix', 'media-5mw8brrbmd-zrbrp', 19, 'media-5mw8br…-zrbrp'],
    ['a long node name keeps its start and its end', 'gke-prod-pool-abcd-efgh-1234', 22, 'gke-prod-pool-a…h-1234'],
  ])('%s', (_name, text, max, expected) => {
    const out = fitLabel(text, max);
    expect(out).toBe(expected);
    expect(out.length).toBeLessThanOrEqual(max);
  });
});
