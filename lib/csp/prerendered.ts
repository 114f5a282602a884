import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { inlineScripts, scriptHash } from './policy';

/**
 * Hashes of the inline scripts of a page Next prerendered at build time, read from its HTML in the build
 * (`<distDir>/server/app/<route>.html`), once per route and process. Null when the route has no prerendered
 * HTML (rendered on demand: the nonce covers it). The not-found page is prerendered too and is what an
 * unknown static path serves, so its hashes are added to every route's.
 */
const cache = new Map<string, Promise<string[] | null>>();

function htmlFile(appDir: string, pathname: string): string | null {
  let route: string;
  try {
    route = decodeURIComponent(pathname).replace(/\/+$/, '');
  } catch {
    return null;
  }
  // Only plain route names: nothing that could leave the build folder.
  if (!/^[A-Za-z0-9/_.-]*$/.test(route) || route.split('/').some((part) => part === '..' || part === '.')) return null;
  return path.join(appDir, `${route || '/index'}.html`);
}

async function hashesOf(file: string): Promise<string[] | null> {
  try {
    return inlineScripts(await readFile(file, 'utf8')).map(scriptHash);
  } catch {
    return null;
  }
}

function cached(file: string): Promise<string[] | null> {
  let entry = cache.get(file);
  if (!entry) {
    entry = hashesOf(file);
    cache.set(file, entry);
  }
  return entry;
}

/** The sha256 sources for `pathname`'s prerendered HTML (plus the not-found page's). */
export async function prerenderedScriptHashes(distDir: string, pathname: string): Promise<string[]> {
  const appDir = path.join(distDir, 'server', 'app');
  const file = htmlFile(appDir, pathname);
  const [own, notFound] = await Promise.all([file ? cached(file) : null, cached(path.join(appDir, '_not-found.html'))]);
  return [...(own ?? []), ...(notFound ?? [])];
}
