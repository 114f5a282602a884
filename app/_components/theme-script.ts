/**
 * Runs before first paint (inline in <head>) so the page never flashes the wrong theme.
 * The stored choice wins; otherwise the system preference.
 *
 * It also marks a page opened at a fragment (`<html data-deep-link>`): an article then draws all its prose at
 * once (globals.css), as the browser would draw a skipped block at the fragment a frame late, moving the text.
 */
export const THEME_STORAGE_KEY = 'stt-theme';

export const themeBootScript = `(function(){if(location.hash.length>1)document.documentElement.dataset.deepLink='';try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');if(t!=='light'&&t!=='dark'){t=window.matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'}document.documentElement.dataset.theme=t}catch(e){}})();`;
