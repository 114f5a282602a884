/** The per-scenario evaluation context (see context.ts). */
export { createContext, usableAnywhere } from './context';
export type { EngineContext } from './context';
