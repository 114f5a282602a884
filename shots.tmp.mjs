import { chromium } from '@playwright/test';
import fs from 'node:fs';
const C = JSON.parse(fs.readFileSync('tests/e2e/support/chromium.json', 'utf8'));
const b = await chromium.launch({ executablePath: C.path, args: C.args });
const [,, width, theme, ...sels] = process.argv;
const p = await b.newPage({ viewport: { width: +width, height: 900 }, colorScheme: theme });
await p.goto('http://127.0.0.1:3163/learn/troubleshooting');
let i = 0;
for (const sel of sels) {
  const el = p.locator(sel).first();
  await el.scrollIntoViewIfNeeded();
  await p.evaluate(() => window.scrollBy(0, -80));
  await p.screenshot({ path: `/tmp/shot-${width}-${theme}-${i++}.png` });
}
await b.close();
