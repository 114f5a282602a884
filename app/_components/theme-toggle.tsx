'use client';

import { useSyncExternalStore } from 'react';
import { THEME_STORAGE_KEY } from './theme-script';

type Theme = 'light' | 'dark';

/** The theme lives on <html data-theme>; React reads it from there rather than keeping a copy. */
function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
const readTheme = (): Theme => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light');
const readServerTheme = (): Theme | null => null;

/** Switches light/dark; the choice persists in localStorage and overrides the system preference. */
export function ThemeToggle() {
  const theme = useSyncExternalStore<Theme | null>(subscribe, readTheme, readServerTheme);

  function toggle() {
    const next: Theme = readTheme() === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }

  const label = theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme';
  return (
    <button
      type="button"
      onClick={toggle}
      aria-label={label}
      title={label}
      aria-pressed={theme === 'dark'}
      className="rounded-md border border-border px-3 py-1.5 text-sm hover:bg-surface"
    >
      <span aria-hidden="true">{theme === 'dark' ? '☀︎' : '☾'}</span>
      <span className="ml-1">{theme === 'dark' ? 'Light' : 'Dark'}</span>
    </button>
  );
}
