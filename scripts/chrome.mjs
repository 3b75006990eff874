// Where Chromium is and how to start it on these machines (root, no GPU, no network but
// loopback): shared by the component tests, the end-to-end tests and the benchmarks.
import { existsSync } from 'node:fs';

export const chromePath =
  process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);

export const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
