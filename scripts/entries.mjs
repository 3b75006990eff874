// The package's entry points and their size limits, shared by the build and `npm run size`.
import { existsSync } from 'node:fs';

export const allWidgets = ['peiling', 'meedenksessie', 'ervaring', 'netwerkkaart', 'terugkoppeling'];

export const widgets = allWidgets.filter((name) => existsSync(new URL(`../src/${name}/index.ts`, import.meta.url)));

/**
 * The budgets the issues set (brotli KiB, Lit included, each file compressed on its own as a
 * browser fetches it). The npm entries' budgets (#1–#4) are not reachable with the features
 * those issues require; the pages' budgets (#15) are not met yet either: see README, "Size".
 */
export const budgets = {
  peiling: 12,
  meedenksessie: 12,
  ervaring: 12,
  netwerkkaart: 16,
  /** dist/ouderstem.js and every chunk it imports for one Dutch <ouder-peiling>. */
  'page: one poll': 17,
  /** The same for all four widgets on one page. */
  'page: all four': 36,
  /** Any one language chunk (a widget's texts in one language, or the core's). */
  'language chunk': 1.5,
};

/**
 * Until the budgets are met, no figure may grow past what it measures now (plus at most about
 * 2 %). A change that must make one bigger raises its line here in its own commit and says why;
 * one that shrinks it lowers the line. A figure that meets its budget needs no ceiling: the
 * budget holds it. Last set 2 December 2026, with #14's e-mail promises, outcome opt-in and kept
 * confirmation in, every language other than Dutch a chunk of its own (#15), and #16's form
 * engine: the shared core grew by about 2 KiB with the form controller (a check on blur waits
 * for the click in progress, so a click after a correction is no longer lost), the resource
 * controller (the same load, failure and invalid states for every file a widget reads), the
 * outbox as one object per page, heading levels, marking fallback text with its language, and
 * the plain sentences for refusals the parent cannot fix; the formal register "u" adds 0.3–0.5
 * KiB of Dutch per form. The widgets' own code shrank by 0.3–0.7 KiB each. The parent's language
 * menu (#15) adds 0.3 KiB to every widget. <ouder-netwerkkaart> knowing the Netherlands (#12) adds
 * about 3 KiB to the map (the gazetteer's matching, the answers that use it, zooming, the list of
 * areas, the credit and their words); the CBS data itself loads beside the script only when a page
 * shows the map, and `npm run size` fails when a file holds a CBS code (netwerkkaart 19.6 → 22.8,
 * the all-four page 48.2 → 51.3, ouderstem.all.js 57.0 → 59.7).
 * For #13: the poll by about 0.8 KiB for a closed poll's "Wat we met jullie inbreng doen" (the
 * notice, its words in both registers and its styles, shared with <ouder-terugkoppeling>) and a
 * question too few answered (peiling 20.5 → 21.3, the one-poll page 25.1 → 26.1, the all-four page
 * 51.3 → 52.3); the loader by 0.15 for the fifth element in its list; ouderstem.all.js by all of it
 * and the new widget (59.7 → 62.3). <ouder-terugkoppeling> (12.8) shows and never submits: its
 * ceiling stays well under the form widgets'.
 */
export const ceilings = {
  peiling: 21.7,
  meedenksessie: 22.7,
  ervaring: 22.0,
  netwerkkaart: 23.3,
  terugkoppeling: 13.3,
  'page: one poll': 26.6,
  'page: all four': 53.2,
  'language chunk': 2.06,
  loader: 1.62,
  'ouderstem.all.js': 63.4,
};
