/**
 * Reads one value out of an engine answer by a dotted path, e.g. `shares.pods.web-a-1`,
 * `loadBalancer.node-a`, `flows.0.backends.1.sourceIp`, `healthChecks.nodes.node-b.status`.
 * Keys may contain dashes; a numeric segment indexes an array. Throws, naming the path and the
 * segment that is missing, so that a typo in the article fails the build instead of printing nothing.
 */
export function valueAtPath(root: unknown, path: string): string | number | boolean {
  const segments = path.split('.');
  let current: unknown = root;
  segments.forEach((segment, i) => {
    if (current === null || typeof current !== 'object') {
      throw new Error(`answer path "${path}": "${segments.slice(0, i).join('.')}" is not an object`);
    }
    const record = current as Record<string, unknown>;
    if (!(segment in record)) {
      throw new Error(`answer path "${path}": no "${segment}" under "${segments.slice(0, i).join('.') || '(answer)'}"`);
    }
    current = record[segment];
  });
  if (typeof current === 'string' || typeof current === 'number' || typeof current === 'boolean') return current;
  throw new Error(`answer path "${path}" is not a single value (it is ${current === null ? 'null' : typeof current})`);
}
