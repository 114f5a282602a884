/**
 * Number agreement in the sentences the kinds write themselves. The engine's step sentences agree in number at
 * their source (lib/engine/flows); nothing here rewrites them.
 */

/** "1 Pod", "2 Pods". */
export function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
