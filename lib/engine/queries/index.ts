/** Queries on an engine Answer (answer-queries.ts). */
export { crossingShare, entryShare, flowCrossing, lbFlows, receivingFlows, stepsOf } from './answer-queries';
