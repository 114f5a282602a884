// @ts-check
/**
 * The theme boot script's source, in CommonJS so that next.config.js can hash it: the Content-Security-Policy
 * allows exactly this inline script by its sha256 (no 'unsafe-inline'). theme-script.ts is the typed entry.
 */
const THEME_STORAGE_KEY = 'stt-theme';

/** Runs before first paint (inline in <head>): the stored choice wins, otherwise the system preference. */
const themeBootScript = `(function(){try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');if(t!=='light'&&t!=='dark'){t=window.matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'}document.documentElement.dataset.theme=t}catch(e){}})();`;

/** The CSP source expression that allows the script: `'sha256-<base64>'`. */
function themeBootScriptHash() {
  return `'sha256-${require('node:crypto').createHash('sha256').update(themeBootScript, 'utf8').digest('base64')}'`;
}

module.exports = { THEME_STORAGE_KEY, themeBootScript, themeBootScriptHash };
