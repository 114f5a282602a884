import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatCardIssue, parseCardText, type CardIssue } from '@/lib/interview';

const VALID = readFileSync(path.join(__dirname, 'fixtures', 'valid-card.yaml'), 'utf8');
const FILE = 'content/interview/valid-card.yaml';

function issues(text: string, file = FILE): CardIssue[] {
  const r = parseCardText(text, file);
  if (r.ok) throw new Error('expected the card to be refused');
  return r.issues;
}

describe('parseCardText', () => {
  it('reads a valid card and fills defaults', () => {
    const r = parseCardText(VALID, FILE);
    if (!r.ok) throw new Error(r.issues.map(formatCardIssue).join('\n'));
    expect(r.card.id).toBe('valid-card');
    expect(r.card.keyPoints.map((k) => k.id)).toEqual(['status', 'body', 'steer']);
    expect(r.card.twist).toEqual({ kind: 'health-check', difficulty: 'standard', lead: 'Here is a generated cluster. What does the node in question answer?' });
  });

  it.each([
    {
      name: 'a missing field (pointing at the card)',
      edit: (t: string) => t.replace(/^whyAsked:.*\n/m, ''),
      path: 'whyAsked',
      line: 1,
      message: /must be text/,
    },
    {
      name: 'an unknown topic',
      edit: (t: string) => t.replace('topic: health-check', 'topic: healthchecks'),
      path: 'topic',
      line: 2,
      message: /Invalid option/,
    },
    {
      name: 'an empty key point',
      edit: (t: string) => t.replace('text: The JSON body reports localEndpoints 0.', 'text: ""'),
      path: 'keyPoints[1].text',
      line: 15,
      message: /at least 10 characters/,
    },
    {
      name: 'a concept that does not exist',
      edit: (t: string) => t.replace('concepts: [health-check-node-port]', 'concepts: [healthy-nodes]'),
      path: 'concepts[0]',
      line: 21,
      message: /Invalid option/,
    },
    {
      name: 'a twist kind the engine cannot generate',
      edit: (t: string) => t.replace('kind: health-check', 'kind: trivia'),
      path: 'twist.kind',
      line: 24,
      message: /Invalid option/,
    },
    {
      name: 'a misspelt field',
      edit: (t: string) => t.replace('pitfalls:', 'pitfals:'),
      path: '',
      line: 1,
      message: /Unrecognized key/,
    },
    {
      name: 'a duplicate key point id',
      edit: (t: string) => t.replace('- id: steer', '- id: status'),
      path: 'keyPoints[2].id',
      line: 16,
      message: /duplicate key point id "status"/,
    },
    {
      name: 'a rule reference that is not a rule id',
      edit: (t: string) => t.replace('rules: [R-HC-3]', 'rules: [HC-3]'),
      path: 'rules[0]',
      line: 22,
      message: /rule id/,
    },
    {
      name: 'an id that does not match the file name',
      edit: (t: string) => t.replace('id: valid-card', 'id: another-card'),
      path: 'id',
      line: 1,
      message: /must match the file name \("valid-card"\)/,
    },
    {
      name: 'a reserved id',
      edit: (t: string) => t.replace('id: valid-card', 'id: mock'),
      path: 'id',
      line: 1,
      message: /reserved routes/,
    },
  ])('refuses $name, naming the field and line', ({ edit, path: field, line, message }) => {
    const found = issues(edit(VALID));
    const issue = found.find((i) => i.path === field);
    expect(issue).toBeDefined();
    expect(issue).toMatchObject({ file: FILE, line });
    expect(issue?.message).toMatch(message);
  });

  it('reports broken YAML with its line', () => {
    const [issue] = issues('id: x\nquestion: [unclosed\ntopic: health-check\n');
    expect(issue).toMatchObject({ file: FILE, path: '' });
    expect(issue?.message).toMatch(/not valid YAML/);
    expect(issue?.line).toBeGreaterThanOrEqual(2);
  });

  it('reports every problem at once, each formatted as file: field (line): message', () => {
    const text = VALID.replace('level: standard', 'level: guru').replace('origin: original', 'origin: blog');
    const lines = issues(text).map(formatCardIssue);
    expect(lines).toEqual([
      expect.stringMatching(/^content\/interview\/valid-card\.yaml: level \(line 3\): Invalid option/),
      expect.stringMatching(/^content\/interview\/valid-card\.yaml: origin \(line 4\): Invalid option/),
    ]);
  });
});
