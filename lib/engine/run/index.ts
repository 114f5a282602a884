/** The one door into the engine (run-scenario.ts). */
export { issuesText, readScenario, runScenario, type EngineRun, type ScenarioSourceOptions } from './run-scenario';
