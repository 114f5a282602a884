/** @jest-environment jsdom */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { THEME_STORAGE_KEY, themeBootScript } from '@/app/_components/theme-script';
import { ThemeToggle } from '@/app/_components/theme-toggle';

/** jsdom has no matchMedia; this stands in for the system colour-scheme preference. */
function setSystemTheme(dark: boolean) {
  window.matchMedia = ((query: string) => ({
    matches: dark && query === '(prefers-color-scheme: dark)',
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
}

/** Runs the inline <head> script the way the browser does before first paint. */
function runBootScript() {
  new Function(themeBootScript)();
}

beforeEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});

describe('theme boot script', () => {
  it.each([
    [false, null, 'light'],
    [true, null, 'dark'],
    [true, 'light', 'light'],
    [false, 'dark', 'dark'],
    [true, 'purple', 'dark'],
  ] as const)('with system dark=%p and stored %p, starts in %s', (systemDark, stored, expected) => {
    setSystemTheme(systemDark);
    if (stored) localStorage.setItem(THEME_STORAGE_KEY, stored);
    runBootScript();
    expect(document.documentElement.dataset.theme).toBe(expected);
  });

  it('marks a page opened at a fragment, so that an article draws its prose at once; not a page without one', () => {
    setSystemTheme(false);
    delete document.documentElement.dataset.deepLink;
    window.location.hash = '';
    runBootScript();
    expect(document.documentElement.hasAttribute('data-deep-link')).toBe(false);
    window.location.hash = '#the-uneven-distribution-problem';
    runBootScript();
    expect(document.documentElement.hasAttribute('data-deep-link')).toBe(true);
    expect(document.documentElement.dataset.theme).toBe('light'); // and the theme still set
    window.location.hash = '';
    delete document.documentElement.dataset.deepLink;
  });
});

describe('ThemeToggle', () => {
  it('shows the theme it would switch to and whether dark is on', () => {
    document.documentElement.dataset.theme = 'light';
    render(<ThemeToggle />);
    const button = screen.getByRole('button', { name: 'Switch to dark theme' });
    expect(button).toHaveAttribute('aria-pressed', 'false');
  });

  it('switches theme on click and keyboard, storing each choice', async () => {
    const user = userEvent.setup();
    document.documentElement.dataset.theme = 'light';
    render(<ThemeToggle />);

    await user.click(screen.getByRole('button', { name: 'Switch to dark theme' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    const back = await screen.findByRole('button', { name: 'Switch to light theme' });
    expect(back).toHaveAttribute('aria-pressed', 'true');

    back.focus();
    await user.keyboard('{Enter}');
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');
    expect(await screen.findByRole('button', { name: 'Switch to dark theme' })).toHaveFocus();
  });

  it('follows a theme change made elsewhere on the page', async () => {
    document.documentElement.dataset.theme = 'light';
    render(<ThemeToggle />);
    await act(async () => {
      document.documentElement.dataset.theme = 'dark';
    });
    expect(await screen.findByRole('button', { name: 'Switch to light theme' })).toBeInTheDocument();
  });

  it('a stored choice made by the toggle wins over the system on the next load', async () => {
    const user = userEvent.setup();
    setSystemTheme(true);
    runBootScript();
    render(<ThemeToggle />);
    await user.click(screen.getByRole('button', { name: 'Switch to light theme' }));

    delete document.documentElement.dataset.theme; // a new page load
    runBootScript();
    expect(document.documentElement.dataset.theme).toBe('light');
  });
});
