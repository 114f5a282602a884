/** Figures for the MDX article: each renders the engine's answer for a named scenario at build time. */
export { ScenarioDiagram } from './scenario-diagram';
export { ShareTable } from './share-table';
export { HealthCheckTable } from './health-check-table';
export { PacketWalk } from './packet-walk';
export { FlowWalk } from './flow-walk';
export { Fact } from './fact';
export { ValidationErrors } from './validation-errors';
export { ServiceManifest, ScenarioSource } from './scenario-manifest';
export { SharesView } from './shares-view';
export { HealthChecksView } from './health-checks-view';
export { LayoutManifest, ExplorerLink } from './layout-manifest';
export { proseComponents } from './prose';
export { PolicyChainsFigure } from './policy-chains-figure';
export { Terminal } from './terminal';
