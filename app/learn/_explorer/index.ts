export { Explorer } from './explorer';
export { LazyExplorer } from './lazy-explorer';
