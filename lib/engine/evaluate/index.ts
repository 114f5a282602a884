/** The engine's entry points: evaluate a scenario, or trace one flow. */
export { evaluate, trace } from './evaluate';
