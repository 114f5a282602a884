/**
 * Grading (pure), PrairieLearn style: parse → grade. A malformed answer is `invalid` (with its problems,
 * one per field: `{field, message}`; it costs nothing); a well-formed one is graded per field with partial credit, and the feedback names
 * the misconception the answer matches and carries the engine's steps.
 *
 *   gradeAnswer(question, raw)  → GradeResult
 *   parseShare("1/6" | "16.7%" | "0.1667") → exact or decimal share, or an error
 */
export { gradeAnswer } from './grade';
export type { GradeResult, GradedResult, InvalidResult, GradedPart } from './grade';
export { parseShareInput, shareMatches } from './share';
export { SHARE_TOLERANCE } from '@/lib/scenarios';
export type { ParsedShare } from './share';
export { parseRawAnswer, answerIssues, problemsFromIssues } from './parse';
export type { AnswerProblem } from './parse';
export { correctAnswer, wrongAnswer, invalidAnswer, changeToRaw } from './self-test';
