// Where the bytes of each entry go, for deciding about the size budgets (README, "Size").
// `npm run size:breakdown` prints, per entry:
// - the real brotli size (as `npm run size` measures it);
// - its parts: Lit, @lit/context, the core, the core's texts, the widget, its texts and its styles.
//   Each part is minified and compressed on its own, then scaled so the parts add up to the real
//   size: an estimate of shares, not exact bytes (brotli shares context between parts);
// - what each other language adds (a chunk of its own, which a Dutch page does not load);
// and, once, the floor: a bare LitElement, and one using the Lit features the widgets use.
import { brotliCompressSync, constants } from 'node:zlib';
import { rollup } from 'rollup';
import { minify } from 'terser';
import { languageModule, plugins } from '../rollup.config.mjs';
import { widgets } from './entries.mjs';

const brotli = (code) =>
  brotliCompressSync(Buffer.from(code), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kib = (bytes) => (bytes / 1024).toFixed(2);

/** A module given as source text, for the floor measurements. */
const virtual = (source) => ({
  name: 'virtual-entry',
  resolveId: (id) => (id === 'virtual:entry' ? '\0virtual:entry.ts' : null),
  load: (id) => (id === '\0virtual:entry.ts' ? source : null),
});

/**
 * The entry as a Dutch page loads it (its chunk and what that imports, languages left out) and
 * the language chunks beside it. `modules` covers the first only.
 */
async function build(input, { minified = true, extra = [] } = {}) {
  const bundle = await rollup({ input, plugins: [...extra, ...plugins({ minify: minified })].filter(Boolean), onwarn: () => {} });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const chunks = output.filter((file) => file.type === 'chunk');
  const entry = chunks.find((chunk) => chunk.isEntry);
  const loaded = chunks.filter((chunk) => chunk === entry || entry.imports.includes(chunk.fileName));
  return {
    code: loaded.map((chunk) => chunk.code).join('\n'),
    modules: Object.assign({}, ...loaded.map((chunk) => chunk.modules)),
    languages: chunks
      .filter((chunk) => languageModule(chunk.facadeModuleId))
      .map((chunk) => [Object.values(languageModule(chunk.facadeModuleId)).join('.'), chunk.code]),
  };
}

function partOf(id) {
  const path = id.replaceAll('\\', '/');
  if (/node_modules\/@lit\/context\//.test(path)) return '@lit/context';
  if (/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//.test(path)) return 'Lit';
  if (/\/src\/core\/i18n\//.test(path)) return 'core: texts';
  if (/\/src\/(core\/|register-config|index\.ts)/.test(path)) return 'core';
  const texts = /\/src\/([a-z]+)\/(i18n\/|[^/]+\.i18n\.ts$)/.exec(path);
  if (texts) return `${texts[1]}: texts`;
  const widget = /\/src\/([a-z]+)\/.+?(\.styles)?\.ts$/.exec(path);
  if (widget) return `${widget[1]}${widget[2] ? ': styles' : ''}`;
  return 'other';
}

async function breakdown(input) {
  const built = await build(input);
  const real = brotli(built.code);
  const languages = built.languages.map(([name, code]) => [name, brotli(code)]);
  const parts = new Map();
  for (const [id, module] of Object.entries((await build(input, { minified: false })).modules)) {
    if (!module.code) continue;
    parts.set(partOf(id), `${parts.get(partOf(id)) ?? ''}\n${module.code}`);
  }
  const sizes = new Map();
  for (const [part, code] of parts) {
    // Not as a module: a part's top-level names are used by the other parts and must stay.
    const { code: small = '' } = await minify(code, { module: false, compress: { passes: 2 }, mangle: true });
    sizes.set(part, brotli(small));
  }
  const sum = [...sizes.values()].reduce((total, size) => total + size, 0);
  return { real, languages, parts: [...sizes].map(([part, size]) => [part, (size / sum) * real]).sort((a, b) => b[1] - a[1]) };
}

const floors = {
  'a bare LitElement': `
    import { LitElement, html, css } from 'lit';
    class Bare extends LitElement {
      static styles = css\`:host { display: block }\`;
      static properties = { value: {} };
      render() { return html\`<input .value=\${this.value}>\`; }
    }
    customElements.define('bare-element', Bare);`,
  'LitElement + @lit/context + live + ifDefined (what the widgets use)': `
    import { LitElement, html, css } from 'lit';
    import { live } from 'lit/directives/live.js';
    import { ifDefined } from 'lit/directives/if-defined.js';
    import { ContextConsumer, ContextProvider, ContextRoot, createContext } from '@lit/context';
    const context = createContext('settings');
    class Used extends LitElement {
      static styles = css\`:host { display: block }\`;
      static properties = { value: {} };
      consumer = new ContextConsumer(this, { context, subscribe: true });
      provider = new ContextProvider(this, { context });
      render() { return html\`<input .value=\${live(this.value)} name=\${ifDefined(this.value)}>\`; }
    }
    new ContextRoot().attach(document.body);
    customElements.define('used-element', Used);`,
};

console.log('The floor (brotli KiB, minified as npm run size does):');
for (const [name, source] of Object.entries(floors)) {
  console.log(`  ${kib(brotli((await build('virtual:entry', { extra: [virtual(source)] })).code)).padStart(6)}  ${name}`);
}

const entries = [...widgets.map((name) => [`ouderstem/${name}`, `src/${name}/index.ts`]), ['ouderstem (every element)', 'src/index.ts']];
for (const [name, input] of entries) {
  const { real, languages, parts } = await breakdown(input);
  console.log(`\n${name}: ${kib(real)} KiB brotli on a Dutch page; each other language a chunk of its own: ${languages.map(([chunk, size]) => `${chunk} ${kib(size)}`).join(', ')}`);
  for (const [part, size] of parts) {
    console.log(`  ${kib(size).padStart(6)}  ${String(Math.round((size / real) * 100)).padStart(3)} %  ${part}`);
  }
}
