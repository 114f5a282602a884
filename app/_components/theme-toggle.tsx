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
  // The visible label follows <html data-theme> in CSS, not React state: the boot script sets the theme before
  // first paint, so the server's HTML already shows the right label (a dark page no longer reads "Dark" until
  // hydration). Both labels share one grid cell, so the button is as wide in either theme; its minimum width
  // holds that width in a first frame painted before the labels are parsed. Either change moved the nav beside it.
  return (
    <button
      type="button"
      onClick={toggle}
      aria-label={label}
      title={label}
      aria-pressed={theme === 'dark'}
      className="min-w-20 rounded-md border border-border px-3 py-1.5 text-sm hover:bg-surface"
    >
      <span aria-hidden="true" className="grid justify-items-center">
        <span className="[grid-area:1/1] dark:invisible">☾ Dark</span>
        <span className="invisible [grid-area:1/1] dark:visible">☀︎ Light</span>
      </span>
    </button>
  );
}
