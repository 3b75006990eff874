// The package's entry points, shared by the build and the size budget.
import { existsSync } from 'node:fs';

export const widgets = ['peiling', 'meedenksessie', 'ervaring', 'netwerkkaart'].filter((name) =>
  existsSync(new URL(`../src/${name}/index.ts`, import.meta.url)),
);

/** Brotli budgets in KiB, Lit included (issues #2, #4, #5, #6). */
export const budgets = {
  peiling: 12,
  meedenksessie: 12,
  ervaring: 12,
  netwerkkaart: 16,
  'ouderstem.js': 25,
};
