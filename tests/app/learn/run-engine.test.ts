/**
 * The explorer's engine door (app/learn/_explorer/run-engine): readying the engine for a first change runs the
 * default layout once (the schema defined, the reader's and evaluator's code compiled), and only once.
 */
const mockEngine = { runs: 0, inputs: [] as unknown[] };
jest.mock('@/lib/engine', () => {
  const actual = jest.requireActual('@/lib/engine');
  return {
    ...actual,
    runScenario: (value: unknown) => {
      mockEngine.runs += 1;
      mockEngine.inputs.push(value);
      return actual.runScenario(value);
    },
  };
});

import { prepareChange, runExplorer } from '@/app/learn/_explorer/run-engine';
import { DEFAULT_STATE, toScenario } from '@/lib/explorer';

it('the first call runs the default layout once; later calls do nothing', () => {
  prepareChange();
  expect(mockEngine.runs).toBe(1);
  expect(mockEngine.inputs[0]).toEqual(toScenario(DEFAULT_STATE).input);
  prepareChange();
  prepareChange();
  expect(mockEngine.runs).toBe(1);
  // The run readied is the explorer's own: the same door, answering the layout.
  expect(runExplorer(DEFAULT_STATE).ok).toBe(true);
  expect(mockEngine.runs).toBe(2);
});
