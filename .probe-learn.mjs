import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const p = await b.newPage();
p.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console', m.type(), m.text().slice(0, 1500)); });
p.on('pageerror', (e) => console.log('pageerror', e.message.slice(0, 1500)));
await p.goto(process.argv[2], { waitUntil: 'networkidle' });
console.log(await p.locator('h1').first().textContent());
await b.close();
