/**
 * Code the explorer loads with import() after the page, as a store React reads with useSyncExternalStore:
 * pending (always on the server and while hydrating, so the HTML and the first client render agree), in, or
 * failed to load (a network error). Nothing suspends (see explorer.tsx).
 */
import { useSyncExternalStore } from 'react';

export type ChunkLoad<T> = { module: T | null; failed: boolean };

/**
 * `load` runs once, on the first request(); `deliver` schedules the arrival's render (e.g. in a task of its own).
 */
export function chunkStore<T>(load: () => Promise<T>, deliver: (arrive: () => void) => void = (arrive) => arrive()) {
  const pending: ChunkLoad<T> = { module: null, failed: false };
  let current = pending;
  let requested = false;
  const listeners = new Set<() => void>();
  const settle = (next: ChunkLoad<T>) => {
    current = next;
    for (const listener of listeners) listener();
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return {
    request() {
      if (requested) return;
      requested = true;
      load().then(
        (module) => deliver(() => settle({ module, failed: false })),
        () => settle({ module: null, failed: true }),
      );
    },
    useChunk(): ChunkLoad<T> {
      return useSyncExternalStore(
        subscribe,
        () => current,
        () => pending,
      );
    },
  };
}
