'use client';
/**
 * The URL is the explorer's single source of truth: components read the `s` parameter through
 * useSyncExternalStore and write it with history.replaceState, so a layout can be shared and a reload or a
 * copied link restores it.
 */
import { useSyncExternalStore } from 'react';
import type { ExplorerState } from '@/lib/explorer/state';
import { URL_PARAM, encodeState } from '@/lib/explorer/url-codec';

const EVENT = 'explorer-url-change';

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener(EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(EVENT, onChange);
  };
}

const readSearch = () => window.location.search;
/** Prerendered HTML shows the default layout; the client then reads the real URL. */
const readServerSearch = () => '';

export function useSearch(): string {
  return useSyncExternalStore(subscribe, readSearch, readServerSearch);
}

export function writeState(state: ExplorerState) {
  const url = new URL(window.location.href);
  url.searchParams.set(URL_PARAM, encodeState(state));
  window.history.replaceState(window.history.state, '', url);
  window.dispatchEvent(new Event(EVENT));
}
