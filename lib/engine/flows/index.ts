/** Flows: what the data plane does with one connection, explained rule by rule. */
export { traceFlow } from './trace';
export { toFlowAnswer } from './flow-answer';
export type { FlowTrace } from './flow-trace';
