/**
 * Seeded question generation (pure). A QuestionSpec `{kind, difficulty, seed}` fully determines a
 * question: the cluster, the prompt, the response fields and the answer key, which always comes from
 * the routing engine (`@/lib/engine` evaluate).
 *
 *   generateQuestion(spec)          → Question (with key; keep it off the browser in drills)
 *   generateSession({seed, kinds, difficulty, count}) → Question[] (kinds cycled in a seeded order)
 *   toPublicQuestion(q)             → PublicQuestion (no key)
 *   CONCEPTS / conceptsForKind      → what each kind tests (mastery, spaced review)
 */
export * from './types';
export { CONCEPTS, CONCEPT_IDS, concept, conceptsForKind, kindsForConcept } from './concepts';
export type { Concept, ConceptId } from './concepts';
export { MISCONCEPTIONS, misconception } from './misconceptions';
export type { Misconception, MisconceptionId } from './misconceptions';
export { generateQuestion, generateSession, sessionSpecs, toPublicQuestion, questionId, KIND_LABELS, DIFFICULTY_LABELS } from './generate';
export { applyChange, clusterSteps, describeChange, evaluateChange, goalMet, GOAL_TEXT, judge } from './fix-it';
export { failMisconception, PROPERTY_TEXT } from './properties';
export type { Property } from './properties';
export { answerFigureChange } from './answer-figure';
