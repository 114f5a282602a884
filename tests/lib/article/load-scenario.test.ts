import { readFileSync, readdirSync } from 'node:fs';
import { evaluate } from '@/lib/engine';
import { readScenarioText } from '@/lib/engine/text';
import { loadArticleScenario, shareAsPercent, valueAtPath } from '@/lib/article';

const articleScenarios = readdirSync('content/scenarios').filter((f) => /^article-.*\.yaml$/.test(f)).map((f) => f.replace(/\.yaml$/, ''));

describe('loadArticleScenario', () => {
  it.each(articleScenarios)('loads %s and answers exactly what the engine answers for the file', (name) => {
    const loaded = loadArticleScenario(name);
    const read = readScenarioText(readFileSync(`content/scenarios/${name}.yaml`, 'utf8'), 'yaml');
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(loaded.answer).toEqual(evaluate(read.scenario));
    expect(loaded.scenario).toEqual(read.scenario);
  });

  it.each([
    ['a name with a path', '../secrets', /must be kebab-case/],
    ['a missing file', 'article-does-not-exist', /no file content\/scenarios\/article-does-not-exist\.yaml/],
  ])('refuses %s with a message naming it', (_name, name, message) => {
    expect(() => loadArticleScenario(name)).toThrow(message);
  });
});

describe('valueAtPath', () => {
  const answer = { shares: { pods: { 'web-a-1': '1/6' } }, flows: [{ backends: [{ sourceIp: '10.0.1.10' }] }], healthChecks: null };
  it.each([
    ['a dashed key', 'shares.pods.web-a-1', '1/6'],
    ['array indexes', 'flows.0.backends.0.sourceIp', '10.0.1.10'],
  ])('reads %s', (_name, path, value) => {
    expect(valueAtPath(answer, path)).toBe(value);
  });
  it.each([
    ['a missing key', 'shares.pods.web-z-9', /no "web-z-9" under "shares.pods"/],
    ['a path through null', 'healthChecks.port', /"healthChecks" is not an object/],
    ['an object', 'shares.pods', /not a single value/],
  ])('throws on %s, naming the path', (_name, path, message) => {
    expect(() => valueAtPath(answer, path)).toThrow(message);
  });
});

describe('shareAsPercent', () => {
  it.each([
    ['1/6', '16.7 %'],
    ['1/2', '50 %'],
    ['0', '0 %'],
    ['2/3', '66.7 %'],
  ])('renders %s as %s', (share, text) => {
    expect(shareAsPercent(share)).toBe(text);
  });
});
