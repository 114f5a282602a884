/** The per-scenario evaluation context (see context.ts). */
export { createContext, usableAnywhere } from './context';
export { EngineContext } from './context';
