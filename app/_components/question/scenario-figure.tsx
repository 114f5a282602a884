/**
 * The question's cluster as the shared <ClusterDiagram> (SVG + tables). Before grading it shows the
 * layout only (no answer: it would give the key away); after grading, the engine's answer with the
 * flow in question highlighted. The caller runs the engine once (runScenario) and passes the run in.
 * Memoized: choosing an answer re-renders the question, not its diagrams (their props do not change).
 */
import { memo } from 'react';
import { ClusterDiagram } from '@/app/_components/cluster-diagram';
import { issuesText, type EngineRun } from '@/lib/engine';

export interface ScenarioFigureProps {
  run: EngineRun;
  title: string;
  id: string;
  showAnswer: boolean;
}

export const ScenarioFigure = memo(function ScenarioFigure({ run, title, id, showAnswer }: ScenarioFigureProps) {
  if (!run.ok) {
    return (
      <p role="alert" className="text-bad">
        This scenario cannot be drawn: {issuesText(run.issues)}
      </p>
    );
  }
  const answer = showAnswer ? run.answer : null;
  return (
    <ClusterDiagram
      scenario={run.scenario}
      answer={answer}
      highlightFlow={answer && answer.flows.length === 1 ? 0 : undefined}
      title={title}
      id={id}
    />
  );
});
