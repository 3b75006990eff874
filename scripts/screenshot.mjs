// Looks at a page as a person would: `node scripts/screenshot.mjs URL out.png [width] [--keys=Tab,Tab,Space]`
// takes a full-page screenshot in Debian's Chromium (or $CHROME_PATH), optionally after pressing keys.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';

const [url, out = 'screenshot.png', width = '1024'] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const keys = process.argv.find((arg) => arg.startsWith('--keys='))?.slice(7).split(',') ?? [];
const lang = process.argv.find((arg) => arg.startsWith('--locale='))?.slice(9) ?? 'nl-NL';
const executablePath = process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/google-chrome'].find(existsSync);
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: 800 }, locale: lang });
page.on('console', (message) => message.type() === 'error' && console.error('console:', message.text()));
await page.goto(url, { waitUntil: 'networkidle' });
await page.waitForTimeout(500);
for (const key of keys) await page.keyboard.press(key);
await page.waitForTimeout(300);
await page.screenshot({ path: out, fullPage: true });
const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
console.log(`${out}: ${overflow > 0 ? `scrolls sideways by ${overflow}px` : 'no sideways scroll'}`);
await browser.close();
