export { ClusterDiagram, summarize, type ClusterDiagramProps } from './cluster-diagram';
export { DiagramTable } from './diagram-table';
export * from './describe';
