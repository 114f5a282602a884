import { parseScenario, scenarioSchema } from '@/lib/engine';

describe('scenario schema', () => {
  const input = {
    cluster: { nodes: [{ name: 'a', ip: '10.0.0.1' }], nodez: [] },
    service: { metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } },
  };

  it('refuses an unknown field, on the object that holds it', () => {
    const r = scenarioSchema().safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['nodez'], path: ['cluster'] })]);
  });

  it('the reader names the unknown field itself, with a hint', () => {
    expect(parseScenario(input)).toEqual({ ok: false, issues: [{ path: 'cluster.nodez', message: 'unknown field "nodez" (did you mean "nodes"?)' }] });
  });
});
