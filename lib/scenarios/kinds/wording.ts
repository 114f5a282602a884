/**
 * Number agreement in the sentences practice shows (issue 20, "Wording"). The engine's step sentences are
 * built from counts ("1 of the 2 eligible endpoints are …", "so 1 of new connections …", "(1 endpoints …)");
 * the engine belongs to another module, so practice tidies the sentences it shows, here, in one place.
 */
const RULES: [RegExp, string][] = [
  [
    /\b1 of the 1 eligible endpoints are on other nodes, so 1 of new connections/g,
    'the only eligible endpoint is on another node, so all new connections',
  ],
  // "2 of the 2 eligible endpoints are on other nodes, so 1 of new connections …" → every one of them.
  [
    /\b(\d+) of the \1 eligible endpoints are on other nodes, so 1 of new connections/g,
    'all $1 eligible endpoints are on other nodes, so all new connections',
  ],
  [/\bso 1 of new connections\b/g, 'so all new connections'],
  [/\b1 of the (\d+) eligible endpoints are\b/g, '1 of the $1 eligible endpoints is'],
  [/\(1 endpoints\b/g, '(1 endpoint'],
  [/\b1 endpoints\b/g, '1 endpoint'],
  [/\breceives 1 of new connections\b/g, 'receives all new connections'],
];

export function tidy(text: string): string {
  let out = text;
  for (const [re, to] of RULES) out = out.replace(re, to);
  return out;
}

export function tidySteps(steps: readonly string[]): string[] {
  return steps.map(tidy);
}

/** "1 Pod", "2 Pods". */
export function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
