/**
 * The scenario schema is defined on the first read, not when the engine's modules load (issue 18: the explorer
 * loads the engine after hydration and should not define the schema in that task). Counted through zod/mini's
 * strictObject, which every object of the schema goes through.
 */
const mockStrictObjects = { count: 0 };
jest.mock('@/lib/validation/zod-mini', () => {
  const actual = jest.requireActual('@/lib/validation/zod-mini');
  return {
    ...actual,
    strictObject: (...args: Parameters<typeof actual.strictObject>) => {
      mockStrictObjects.count += 1;
      return actual.strictObject(...args);
    },
  };
});

import { parseScenario, runScenario, scenarioSchema } from '@/lib/engine';

const scenario = {
  cluster: { nodes: [{ name: 'node-a', ip: '10.0.1.10' }], pods: [{ name: 'web-1', node: 'node-a', ip: '10.244.1.5', labels: { app: 'web' } }] },
  service: { metadata: { name: 'web' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30080 }] } },
};

it('loading the engine defines no schema; the first read defines it once, and later reads reuse it', () => {
  expect(mockStrictObjects.count).toBe(0);

  const first = runScenario(scenario);
  expect(first.ok).toBe(true);
  const defined = mockStrictObjects.count;
  expect(defined).toBeGreaterThan(5);

  expect(parseScenario(scenario).ok).toBe(true);
  expect(parseScenario({ ...scenario, cluster: { ...scenario.cluster, nodez: [] } }).ok).toBe(false);
  expect(scenarioSchema()).toBe(scenarioSchema());
  expect(mockStrictObjects.count).toBe(defined);
});
