/**
 * Runs before first paint (inline in <head>) so the page never flashes the wrong theme.
 * The stored choice wins; otherwise the system preference.
 */
export const THEME_STORAGE_KEY = 'stt-theme';

export const themeBootScript = `(function(){try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');if(t!=='light'&&t!=='dark'){t=window.matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'}document.documentElement.dataset.theme=t}catch(e){}})();`;
