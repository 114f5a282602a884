import { describeImportIssues } from '@/app/_components/import-problems';
import { emptyLearnerRecord, readImport } from '@/lib/learner';

describe('describeImportIssues: import problems for people, never the file’s text', () => {
  it('says a non-JSON file is not JSON without quoting it', () => {
    const r = readImport('hello <script>secret</script>', emptyLearnerRecord(new Date()));
    if (r.ok) throw new Error('imported');
    const lines = describeImportIssues(r.issues);
    expect(lines).toEqual(['The file cannot be imported: it is not JSON.']);
    expect(lines.join(' ')).not.toMatch(/hello|secret|script/);
  });

  it('names the field path but not unknown keys or values from the file', () => {
    const lines = describeImportIssues([
      { path: 'attempts[3].score', message: 'Invalid input: expected number, received string' },
      { path: 'attempts[0]', message: 'Unrecognized key: "pwn3d by <b>x</b>"' },
      { path: 'concepts["weird <b>key</b> with spaces"][1]', message: 'Invalid input' },
      { path: '["pwn.3d"].x', message: 'Invalid input' },
    ]);
    expect(lines).toEqual([
      'At attempts[3].score: a value of the wrong type.',
      'At attempts[0]: a field this site never writes.',
      'At concepts[…][1]: a value this site would not have written.',
      'At ….x: a value this site would not have written.',
    ]);
  });

  it('lists at most five problems, then how many more', () => {
    const issues = Array.from({ length: 8 }, (_, i) => ({ path: `attempts[${i}].ms`, message: 'expected number' }));
    const lines = describeImportIssues(issues);
    expect(lines).toHaveLength(6);
    expect(lines.at(-1)).toBe('And 3 more problems like these.');
  });
});
