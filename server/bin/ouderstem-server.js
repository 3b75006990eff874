#!/usr/bin/env node
// The server is written in TypeScript and compiled to dist/ by `npm run build -w ouderstem-server`.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('ouderstem-server is not built yet: run `npm run build -w ouderstem-server` first.');
  process.exit(1);
}
await import(entry.href);
