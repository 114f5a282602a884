/**
 * The question's cluster as the shared <ClusterDiagram> (SVG + tables). Before grading it shows the
 * layout only (no answer: it would give the key away); after grading, the engine's answer with the
 * flow in question highlighted.
 */
import { ClusterDiagram } from '@/app/_components/cluster-diagram';
import { evaluate, formatIssue, parseScenario, type ScenarioInput } from '@/lib/engine';

export interface ScenarioFigureProps {
  scenario: ScenarioInput;
  title: string;
  id: string;
  showAnswer: boolean;
}

export function ScenarioFigure({ scenario, title, id, showAnswer }: ScenarioFigureProps) {
  const parsed = parseScenario(scenario);
  if (!parsed.ok) {
    return (
      <p role="alert" className="text-bad">
        This scenario cannot be drawn: {parsed.issues.map(formatIssue).join('; ')}
      </p>
    );
  }
  const answer = showAnswer ? evaluate(parsed.scenario) : null;
  return (
    <ClusterDiagram
      scenario={parsed.scenario}
      answer={answer}
      highlightFlow={answer && answer.flows.length === 1 ? 0 : undefined}
      title={title}
      id={id}
    />
  );
}
