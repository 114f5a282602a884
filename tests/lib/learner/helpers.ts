import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { KeyValueStore } from '@/lib/learner';

/** Today's formats, frozen (tests/fixtures/learner/README.md). */
export function fixture(name: string): string {
  return readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'learner', name), 'utf8');
}

export function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { map: Map<string, string> } {
  const map = new Map(Object.entries(initial));
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    keys: () => [...map.keys()],
  };
}

/** Day keys in UTC, so tests do not depend on the machine's zone. */
export const utcDay = (d: Date) => d.toISOString().slice(0, 10);
