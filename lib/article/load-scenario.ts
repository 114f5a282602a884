import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { issuesText, type Answer, type Scenario } from '@/lib/engine';
import { runScenarioText } from '@/lib/engine/text';
import { parse } from 'yaml';

/** Article scenarios live in content/scenarios/<name>.yaml; names are kebab-case, nothing else. */
const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface ArticleScenario {
  name: string;
  /** The YAML as written (for "open this scenario" and manifest figures). */
  text: string;
  /** The parsed document as written, before engine defaults. */
  document: Record<string, unknown>;
  scenario: Scenario;
  answer: Answer;
}

export function scenariosDir(): string {
  return path.join(process.cwd(), 'content', 'scenarios');
}

const cache = new Map<string, ArticleScenario>();

/**
 * Reads, parses and evaluates a named scenario at build time. A missing file or an unreadable scenario
 * throws with the file and every issue (field path and line), so a broken figure fails the build.
 */
export function loadArticleScenario(name: string): ArticleScenario {
  const hit = cache.get(name);
  if (hit) return hit;
  if (!NAME.test(name)) throw new Error(`scenario name "${name}" must be kebab-case (a file in content/scenarios)`);
  const file = path.join(scenariosDir(), `${name}.yaml`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`scenario "${name}": no file content/scenarios/${name}.yaml`);
  }
  const run = runScenarioText(text, { format: 'yaml' });
  if (!run.ok) throw new Error(`scenario "${name}" (content/scenarios/${name}.yaml) is not readable:\n  ${issuesText(run.issues, '\n  ')}`);
  const loaded: ArticleScenario = {
    name,
    text,
    document: parse(text) as Record<string, unknown>,
    scenario: run.scenario,
    answer: run.answer,
  };
  cache.set(name, loaded);
  return loaded;
}
