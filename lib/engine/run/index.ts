/** The engine's door for values (run-scenario.ts); the text door is run-text.ts, exported by ../text.ts only. */
export { issuesText, runScenario, type EngineRun } from './run-scenario';
