/**
 * The engine's text entry: reading scenarios written as YAML or JSON. Everything else — and every scenario that
 * is already a value — goes through the public face, lib/engine/index.ts (`runScenario`, `parseScenario`, …).
 *
 * Contract: this entry is the only way into the text reader (scenario/read.ts, with the `yaml` package), so
 * code that evaluates objects never bundles it (issue 18: `yaml` was ~31 KiB gzip of every interactive
 * route's first load). Server code, the CLI, content loaders and tests import it freely; browser code may not
 * import it statically (eslint.config.mjs, rule `wall/text-entry`: 'use client' modules, the browser modules
 * and the pure core outside lib/engine). A page that must read text in the browser loads it on demand with a
 * dynamic `import('@/lib/engine/text')` after the user gives it text.
 *
 *   runScenarioText(text, {format?})  YAML/JSON text → { scenario, answer }, or every problem (path, line)
 *   readScenarioText(text, format)    YAML/JSON text → Scenario, or every problem with its field path and line
 *   readScenario(text | value)        text read as above; a value as parseScenario does
 */
export { readScenarioText, type ScenarioFormat } from './scenario/read';
export { readScenario, runScenarioText, type ScenarioSourceOptions } from './run/run-text';
