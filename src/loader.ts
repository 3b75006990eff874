/**
 * `dist/ouderstem.js`, the one script a web editor pastes. It finds the Ouderstem elements and
 * compatibility `<div data-ouderstem>`s on the page, now and whenever more appear, and imports
 * only the widgets they use, from the chunks in the folder next to itself (`dist/ouderstem/`):
 * the widget, the core it shares with the others, and a language chunk only for a widget that
 * is not in Dutch. Everything in one file instead: `dist/ouderstem.all.js` (src/index.ts).
 *
 * It imports nothing but those same-folder files (resolved from its own URL), runs no inline
 * script and no `eval`, so it works under a strict Content Security Policy with Trusted Types.
 */
import { elements, folder, languages } from 'ouderstem:chunks';
import { define, upgradeCompatibilityMarkup } from './core/register.js';

/** Set by the first loader on the page, so a second copy (another URL, another version) does nothing. */
const active = Symbol.for('ouderstem.loader');
/** How long the loader waits before its one retry of a chunk that failed to load. */
const retryDelay = 1500;

const page = globalThis as typeof globalThis & { [active]?: string };
const loading = new Map<string, Promise<void>>();

/** A file of the chunks' folder, next to this script. */
const url = (file: string) => new URL(folder + file, import.meta.url).href;

/** The language asked for where an element sits, reduced to its base (`en-GB` → `en`). */
function languageOf(element: Element): string {
  const tag = element.getAttribute('data-lang') || element.closest('[lang]')?.getAttribute('lang') || '';
  return tag.trim().toLowerCase().split(/[-_]/)[0];
}

/** Imports files of this folder; if one fails, tries once more after a moment. */
async function importFiles(files: readonly string[]): Promise<Record<string, unknown>> {
  const attempt = () => Promise.all(files.map((file) => import(url(file))));
  try {
    return (await attempt())[0];
  } catch {
    await new Promise((resolve) => setTimeout(resolve, retryDelay));
    return (await attempt())[0];
  }
}

/**
 * Loads and defines one element. The languages found on the page come with it in the same
 * round trip; the widget loads any other language itself when it needs one. `<ouder-config>`
 * (which defines itself) is defined before any widget, so a widget finds its settings at once.
 */
function load(tag: string, languagesUsed: ReadonlySet<string>): Promise<void> {
  const chunk = elements[tag];
  for (const language of languagesUsed) {
    for (const owner of chunk.texts) {
      const file = languages[owner][language];
      // Only a head start: if it fails, the widget tries again and says so.
      if (file) import(url(file)).catch(() => {});
    }
  }
  const config = tag === 'ouder-config' ? Promise.resolve() : (loading.get('ouder-config') ?? Promise.resolve());
  return Promise.all([importFiles(chunk.files), config.catch(() => {})]).then(
    ([module]) => {
      if (chunk.className) define(tag, module[chunk.className] as CustomElementConstructor);
      upgradeCompatibilityMarkup();
    },
    (error: unknown) =>
      console.warn(`ouderstem: could not load <${tag}> from ${url(chunk.files[0])}; the page's own text stays.`, error),
  );
}

/** Finds what the page uses and is not defined yet, and loads it. */
function scan(): void {
  const wanted = new Map<string, Set<string>>();
  const selector = [...Object.keys(elements).map((tag) => `${tag}:not(:defined)`), '[data-ouderstem]:not([data-ouderstem-upgraded])'].join();
  for (const element of document.querySelectorAll(selector)) {
    const name = element.getAttribute('data-ouderstem');
    const tag = name === null ? element.localName : `ouder-${name}`;
    if (!elements[tag] || loading.has(tag) || customElements.get(tag)) continue;
    if (!wanted.has(tag)) wanted.set(tag, new Set());
    wanted.get(tag)!.add(languageOf(element));
  }
  // <ouder-config> first, so the widgets found with it can wait for it.
  const tags = [...wanted.keys()].sort((a, b) => (a === 'ouder-config' ? -1 : b === 'ouder-config' ? 1 : 0));
  for (const tag of tags) loading.set(tag, load(tag, wanted.get(tag)!));
  upgradeCompatibilityMarkup();
}

if (!page[active]) {
  page[active] = import.meta.url;
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan, { once: true });
  else scan();
  new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
}
