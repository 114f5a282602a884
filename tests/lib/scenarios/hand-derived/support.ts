/**
 * Hand-derived answer keys (issue 12 item 14). Each question kind has a YAML file of cases in `cases/<kind>.yaml`:
 *
 *   - name: short description
 *     why: the derivation, by hand, citing the R- rules (never copied from the generator's output)
 *     scenario: { …a scenario as in scenario-format.md… }
 *     ask: { …the kind's question parameters: what the prompt asks about… }
 *     expected: { <field name>: <canonical value>, … }
 *
 * The kind's own key function (the one its generator builds the key with) is run on `scenario` + `ask` and must
 * give exactly `expected`. The expected values are data, written from the rules, so a wrong key fails here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export interface HandDerivedCase {
  name: string;
  why: string;
  scenario: unknown;
  ask: unknown;
  expected: Record<string, string>;
}

/** The cases of one kind, checked for shape (a malformed case file fails loudly, naming the case). */
export function loadCases(kind: string): HandDerivedCase[] {
  const file = path.join(__dirname, 'cases', `${kind}.yaml`);
  const raw: unknown = parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(raw)) throw new Error(`${file}: expected a list of cases`);
  return raw.map((c: unknown, i: number) => {
    const o = c as Partial<HandDerivedCase> | null;
    const where = `${file} case ${i + 1}${o?.name ? ` (${o.name})` : ''}`;
    if (!o || typeof o.name !== 'string' || typeof o.why !== 'string' || !o.scenario || o.ask === undefined)
      throw new Error(`${where}: needs name, why, scenario and ask`);
    if (!o.expected || typeof o.expected !== 'object') throw new Error(`${where}: needs expected {field: value}`);
    const expected = Object.fromEntries(Object.entries(o.expected).map(([k, v]) => [k, String(v)]));
    return { name: o.name, why: o.why, scenario: o.scenario, ask: o.ask, expected };
  });
}
