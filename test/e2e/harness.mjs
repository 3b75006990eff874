// Shared pieces of the end-to-end tests: the real reference server on a free loopback port with
// a fresh data directory, and Debian's Chromium driven by playwright-core.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('../../', import.meta.url).pathname;
export const exportToken = 'e2e-export-token-0123456789';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts `ouderstem-server` with the demo content, the demo page and the built widgets. */
export async function startServer({ port, data } = {}) {
  port ??= await freePort();
  data ??= mkdtempSync(join(tmpdir(), 'ouderstem-e2e-'));
  const child = spawn(
    process.execPath,
    [
      join(root, 'server/bin/ouderstem-server.js'),
      '--host', '127.0.0.1',
      '--port', String(port),
      '--data', data,
      '--content', join(root, 'server/content/demo'),
      '--static', join(root, 'demo'),
      '--static', join(root, 'dist'),
    ],
    { env: { ...process.env, DATABASE_URL: '', OUDERSTEM_EXPORT_TOKEN: exportToken }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${log}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    port,
    data,
    log: () => log,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
    cleanUp() {
      rmSync(data, { recursive: true, force: true });
    },
  };
}

/** The CSV export of a form, through the coordinators' HTTP route. */
export async function exportRows(url, formId) {
  const response = await fetch(`${url}/api/export/${formId}`, { headers: { Authorization: `Bearer ${exportToken}` } });
  if (!response.ok) throw new Error(`export ${formId}: ${response.status}`);
  const lines = (await response.text()).trim().split(/\r?\n/);
  return lines.slice(1);
}

export function chromePath() {
  return process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: chromePath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Answers whatever form has focus next with the keyboard only, as a parent with no mouse would:
 * Space on the first radio of a group and on checkboxes, text into text fields, until the
 * button `stopAt` has focus.
 */
export async function answerWithKeyboard(page, stopAt, { maxTabs = 60 } = {}) {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active ? { tag: active.tagName, type: active.getAttribute('type'), text: active.textContent?.trim() } : null;
    });
    if (!focused) continue;
    if (focused.tag === 'BUTTON' && stopAt.test(focused.text ?? '')) return focused.text;
    if (focused.tag === 'INPUT' && (focused.type === 'radio' || focused.type === 'checkbox')) await page.keyboard.press('Space');
    else if (focused.tag === 'TEXTAREA' || (focused.tag === 'INPUT' && (focused.type === 'text' || !focused.type))) {
      await page.keyboard.type('Meer uitleg over de plannen, graag.');
    }
  }
  throw new Error(`no button matching ${stopAt} reached with the keyboard`);
}
