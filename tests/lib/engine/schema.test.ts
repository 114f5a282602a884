import { scenarioSchema } from '@/lib/engine';

describe('scenario schema', () => {
  it('refuses an unknown field', () => {
    const r = scenarioSchema.safeParse({
      cluster: { nodes: [{ name: 'a', ip: '10.0.0.1' }], nodez: [] },
      service: { metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } },
    });
    expect(r.success).toBe(false);
  });
});
