// The package's entry points and their size limits, shared by the build and `npm run size`.
import { existsSync } from 'node:fs';

export const widgets = ['peiling', 'meedenksessie', 'ervaring', 'netwerkkaart'].filter((name) =>
  existsSync(new URL(`../src/${name}/index.ts`, import.meta.url)),
);

/**
 * The budgets the issues set (brotli KiB, Lit included). Not met, and not reachable with the
 * features those issues require: see README, "Size", and `npm run size:breakdown`.
 */
export const budgets = {
  peiling: 12,
  meedenksessie: 12,
  ervaring: 12,
  netwerkkaart: 16,
  'ouderstem.js': 25,
};

/**
 * Until the budgets are decided again, no entry may grow past what it measures now (plus at most
 * about 2 %; last lowered 24 November 2026). A change that must make an entry bigger raises its
 * line here in its own commit and says why; one that shrinks it lowers the line.
 */
export const ceilings = {
  peiling: 18.5,
  meedenksessie: 20.9,
  ervaring: 20.9,
  netwerkkaart: 19.9,
  'ouderstem.js': 40.8,
};
