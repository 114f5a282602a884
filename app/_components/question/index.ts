/**
 * The question UI shared by practice, drills and interview.
 *   <QuestionView question={PublicQuestion} onSubmit={(raw) => …} result={GradeResult | null} onNext={…} />
 * The caller grades; QuestionView never sees the answer key.
 */
export { QuestionView, type QuestionViewProps } from './question-view';
export { GradeFeedback, scoreLabel, type GradeFeedbackProps } from './grade-feedback';
export { ResponseFields, visibleFields, type ResponseFieldsProps } from './response-fields';
export { ScenarioFigure, type ScenarioFigureProps } from './scenario-figure';
export { QuestionEvidence } from './question-evidence';
