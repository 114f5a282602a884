import { generateQuestion, type Question, type QuestionKind, type Difficulty } from '../../../lib/scenarios';
import { csvValue } from '../../../lib/drills/csv';
import { parseCsv } from '../../support/parse-csv';

/**
 * The questions of every attempt in a drill, keys included, rebuilt the way an instructor can: from the
 * gradebook CSV (manage token), whose `seed` column names each question's seed. Students never receive a
 * seed, so tests that need right answers take them from here.
 */
export type DrillKeys = Map<string, Map<string, Question>>;

/** Per student name (the CSV's spelling; a leading `'` guards formulas) and attempt number: questions by id. */
export async function drillKeys(baseUrl: string, code: string, manageToken: string): Promise<DrillKeys> {
  const res = await fetch(`${baseUrl}/api/drills/${code}/results.csv`, { headers: { authorization: `Bearer ${manageToken}` } });
  if (!res.ok) throw new Error(`results.csv: HTTP ${res.status}`);
  const [header, ...records] = parseCsv(await res.text());
  const col = (name: string) => header!.indexOf(name);
  // A seed that starts with '-' is written with the apostrophe that guards a formula: regenerate from the seed.
  const keys: DrillKeys = new Map();
  for (const r of records) {
    const who = `${r[col('student')]}#${r[col('attempt')]}`;
    if (!keys.has(who)) keys.set(who, new Map());
    const question = generateQuestion({ kind: r[col('kind')] as QuestionKind, difficulty: r[col('difficulty')] as Difficulty, seed: csvValue(r[col('seed')]!) });
    keys.get(who)!.set(r[col('question')]!, { ...question, id: r[col('question')]! });
  }
  return keys;
}
