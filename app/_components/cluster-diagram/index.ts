/**
 * The cluster diagram. Its modules take values from lib/engine's queries and fractions, never from the engine's
 * barrel: the barrel carries the scenario reader and its schema, which a page that only draws an answer does not
 * need in its first load (issue 18).
 */
export { ClusterDiagram, summarize, type ClusterDiagramProps } from './cluster-diagram';
export { DiagramTable } from './diagram-table';
export * from './describe';
