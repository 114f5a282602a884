/** Queries on an engine Answer (answer-queries.ts). */
export { crossingShare, entryShare, externalFlowsAt, flowCrossing, lbFlows, receivingFlows, sourceIpsSeen, stepsOf } from './answer-queries';
