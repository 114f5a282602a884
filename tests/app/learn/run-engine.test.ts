/**
 * The explorer's engine door (app/learn/_explorer/run-engine): readying the engine for a first change runs the
 * layout in view once (the schema defined, the reader's and evaluator's code compiled), and only once.
 */
const mockEngine = { runs: 0 };
jest.mock('@/lib/engine', () => {
  const actual = jest.requireActual('@/lib/engine');
  return {
    ...actual,
    runScenario: (value: unknown) => {
      mockEngine.runs += 1;
      return actual.runScenario(value);
    },
  };
});

import { prepareChange, runExplorer } from '@/app/learn/_explorer/run-engine';
import { DEFAULT_STATE } from '@/lib/explorer';

it('the first call runs the layout once; later calls do nothing', () => {
  prepareChange(DEFAULT_STATE);
  expect(mockEngine.runs).toBe(1);
  prepareChange(DEFAULT_STATE);
  prepareChange({ ...DEFAULT_STATE, policy: 'Cluster' });
  expect(mockEngine.runs).toBe(1);
  // The run readied is the explorer's own: the same door, answering the layout.
  expect(runExplorer(DEFAULT_STATE).ok).toBe(true);
  expect(mockEngine.runs).toBe(2);
});
