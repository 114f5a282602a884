/** @jest-environment node */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { themeBootScript } from '@/app/_components/theme-script';
import { contentSecurityPolicy, inlineScripts, THEME_SCRIPT_HASH } from '@/lib/csp/policy';
import { prerenderedScriptHashes } from '@/lib/csp/prerendered';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
const scriptSrc = (policy: string) => policy.split('; ').find((d) => d.startsWith('script-src '))!;

describe('page Content-Security-Policy', () => {
  it('allows no inline script wholesale, only what it is given', () => {
    const policy = contentSecurityPolicy([THEME_SCRIPT_HASH, "'nonce-abc'"]);
    expect(scriptSrc(policy)).toBe(`script-src 'self' ${sha(themeBootScript)} 'nonce-abc'`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/unsafe-inline'[^;]*;.*style|script-src[^;]*unsafe-inline/);
  });

  it('finds every inline script, not the external ones, as the browser would hash them', () => {
    const html = `<script src="/a.js" async=""></script><script>one()</script><script id="_R_">two("</div>")</script><SCRIPT type="module">three()</SCRIPT>`;
    expect(inlineScripts(html)).toEqual(['one()', 'two("</div>")', 'three()']);
  });

  describe('prerendered pages', () => {
    let dist: string;
    beforeAll(() => {
      dist = mkdtempSync(path.join(os.tmpdir(), 'stt-csp-'));
      mkdirSync(path.join(dist, 'server', 'app', 'learn'), { recursive: true });
      writeFileSync(path.join(dist, 'server', 'app', 'index.html'), '<script>home()</script>');
      writeFileSync(path.join(dist, 'server', 'app', 'learn', 'explorer.html'), '<script>explorer()</script>');
      writeFileSync(path.join(dist, 'server', 'app', '_not-found.html'), '<script>missing()</script>');
      writeFileSync(path.join(dist, 'secret.html'), '<script>outside()</script>');
    });
    afterAll(() => rmSync(dist, { recursive: true, force: true }));

    it.each([
      ['/', ['home()', 'missing()']],
      ['/learn/explorer/', ['explorer()', 'missing()']],
      ['/drills/ABCDEF', ['missing()']], // rendered on demand: the nonce covers it
      ['/../../secret', ['missing()']],
      ['/%2e%2e/%2e%2e/secret', ['missing()']],
    ])('%s', async (pathname, scripts) => {
      expect(await prerenderedScriptHashes(dist, pathname)).toEqual(scripts.map(sha));
    });
  });
});
