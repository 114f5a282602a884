/**
 * The imported scenario is handed to the explorer through this tab's sessionStorage, keyed by an id in the URL
 * fragment (`#scenario=<id>`): the layout codec of `?s=` cannot hold a whole cluster, and the fragment never
 * reaches the server. A reload keeps the explorer; another tab or browser does not have it.
 */
import type { ScenarioInput } from '@/lib/engine';

const PREFIX = 'import-scenario:';
export const HASH_KEY = 'scenario';

export interface StoredImport {
  title: string;
  scenario: ScenarioInput;
}

function newId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Stores it and returns its id, or null when the browser refuses (quota, storage disabled). */
export function storeImport(value: StoredImport): string | null {
  const id = newId();
  try {
    sessionStorage.setItem(PREFIX + id, JSON.stringify(value));
    return id;
  } catch {
    return null;
  }
}

export function loadImport(id: string): StoredImport | null {
  try {
    const text = sessionStorage.getItem(PREFIX + id);
    if (text === null) return null;
    const value = JSON.parse(text) as Partial<StoredImport>;
    return typeof value.title === 'string' && value.scenario && typeof value.scenario === 'object' ? (value as StoredImport) : null;
  } catch {
    return null;
  }
}

/** The id in `#scenario=<id>`, if any. */
export function idFromHash(hash: string): string | null {
  const m = new RegExp(`^#${HASH_KEY}=([0-9a-f]{16})$`).exec(hash);
  return m ? m[1]! : null;
}
