/**
 * Runs before first paint (inline in <head>) so the page never flashes the wrong theme.
 * The stored choice wins; otherwise the system preference. The source lives in theme-boot-script.js, where
 * next.config.js hashes it for the Content-Security-Policy (the page must inline it byte for byte).
 */
import bootScript from './theme-boot-script.js';

export const THEME_STORAGE_KEY: string = bootScript.THEME_STORAGE_KEY;
export const themeBootScript: string = bootScript.themeBootScript;
