// Three builds:
// 1. npm entries (`ouderstem`, `ouderstem/peiling`, …, `ouderstem/config`): ESM with shared chunks; Lit stays an
//    import so an application that already uses Lit loads it once. Languages other than Dutch are chunks of
//    their own, which the application's bundler splits off in turn.
// 2. The CDN files, with Lit's production build inside and minified: dist/ouderstem.js, a small loader, and the
//    chunks it imports from dist/ouderstem/ (one per element, the shared core, one per widget and language).
//    Two passes: the chunks first, then the loader, which carries the list of them.
// 3. dist/ouderstem.all.js: everything in one file, for hosts that can serve only one.
import { dirname, join, relative } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import dynamicImportVars from '@rollup/plugin-dynamic-import-vars';
import terser from '@rollup/plugin-terser';
import { literalsHtmlCssMinifier } from '@literals/rollup-plugin-html-css-minifier';
import esbuild from 'rollup-plugin-esbuild';
import { widgets } from './scripts/entries.mjs';

/**
 * <ouder-netwerkkaart> finds the shipped CBS data beside its script (src/netwerkkaart/places.ts):
 * `'../../data/'` from src/netwerkkaart/ becomes the way from each chunk's folder to the
 * package's data/ (dist/netwerkkaart.js: `'../data/'`, a loader chunk in dist/ouderstem/:
 * `'../../data/'`), which is also `/data/` when the reference server serves dist/ at `/`. A build
 * that writes nowhere (npm run size) keeps it as it is.
 */
const dataFolder = () => ({
  name: 'ouderstem-data-folder',
  renderChunk(code, chunk, options) {
    const out = options.dir ?? (options.file && dirname(options.file));
    if (!out || !code.includes('"../../data/"')) return null;
    const way = relative(dirname(join(out, chunk.fileName)), 'data').split('\\').join('/');
    return { code: code.replace('"../../data/"', JSON.stringify(`${way}/`)), map: null };
  },
});

export const plugins = ({ minify }) => [
  nodeResolve({ exportConditions: ['production'] }),
  esbuild({ target: 'es2021', tsconfig: 'tsconfig.json', minify: false }),
  // ``import(`./i18n/${language}.ts`)`` becomes one import per file of that folder: a chunk per language.
  dynamicImportVars({ include: ['src/**/*.ts'], exclude: ['src/loader.ts'] }),
  dataFolder(),
  // White space inside html`` and css`` templates is most of what terser cannot shrink.
  minify && literalsHtmlCssMinifier({ include: ['src/**/*.ts'], failOnError: true }),
  minify && terser({ ecma: 2021, module: true, compress: { passes: 2 }, format: { comments: false } }),
];

const external = (id) => id === 'lit' || id.startsWith('lit/') || id.startsWith('@lit/');

/**
 * A language module, and whose texts it holds: `src/peiling/i18n/en.ts` → `{ owner: 'peiling',
 * language: 'en' }`. The core's live in `src/core/i18n/texts/`, the texts of a core part of their
 * own in `src/core/i18n/<part>/` (the outcome opt-in's: owner `outcome`).
 */
export function languageModule(id) {
  const match = /[\\/]src[\\/](\w+)[\\/]i18n[\\/](?:(\w+)[\\/])?([a-z]{2,3})\.ts$/.exec(id ?? '');
  if (!match) return null;
  const [, area, part, language] = match;
  return { owner: part === undefined ? area : part === 'texts' ? 'core' : part, language };
}

/** Language chunks are named after what they hold (`peiling.en`), not only `en`. */
const chunkName = (chunk) => {
  const texts = languageModule(chunk.facadeModuleId);
  return texts ? `${texts.owner}.${texts.language}` : chunk.name;
};

/**
 * The CDN's shared chunks, by who uses a module: `core` what every widget uses (Lit, the
 * element base, texts, styles) and what several widgets share, `forms` what only the three
 * form widgets use (submission, outbox). What one element alone uses (`<ouder-config>`'s
 * provider side, a widget's own code) stays in that element's chunk. Left to itself, rollup
 * splits the shared code into more, smaller files named after one of their modules.
 */
function sharedChunk(id, { getModuleInfo }) {
  if (languageModule(id)) return undefined;
  const users = new Set();
  const seen = new Set();
  const walk = (moduleId) => {
    if (seen.has(moduleId)) return;
    seen.add(moduleId);
    const info = getModuleInfo(moduleId);
    if (!info) return;
    if (info.isEntry) users.add(Object.keys(cdnInputs).find((tag) => info.id.endsWith(cdnInputs[tag])));
    for (const importer of info.importers) walk(importer);
  };
  walk(id);
  const widgetsUsing = [...users].filter((tag) => tag !== 'ouder-config');
  if (widgetsUsing.length < 2) return undefined;
  const forms = ['ouder-peiling', 'ouder-meedenksessie', 'ouder-ervaring'];
  return widgetsUsing.every((tag) => forms.includes(tag)) && widgetsUsing.length === forms.length ? 'forms' : 'core';
}

/** What the CDN loader imports: every element's chunk, and each one's language chunks. */
export const cdnInputs = {
  'ouder-config': 'src/register-config.ts',
  ...Object.fromEntries(widgets.map((name) => [`ouder-${name}`, `src/${name}/ouder-${name}.ts`])),
};

/**
 * The two halves of the CDN build. `collect` (in the chunks' build) writes down, per element, its
 * chunk and every chunk that one imports, and the language chunks of every widget and of the
 * core; `provide` (in the loader's build) hands that list to the loader as the module
 * `ouderstem:chunks`. So the loader fetches all of an element's files at once, instead of
 * finding the core only once the widget's chunk has arrived.
 */
export function cdnChunks(folder = 'ouderstem/') {
  let list;
  return {
    folder,
    collect: {
      name: 'ouderstem-collect-chunks',
      generateBundle(_options, bundle) {
        const closure = (fileName, seen = new Set()) => {
          if (seen.has(fileName)) return seen;
          seen.add(fileName);
          for (const imported of bundle[fileName].imports) closure(imported, seen);
          return seen;
        };
        list = { elements: {}, languages: {} };
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk') continue;
          const language = languageModule(chunk.facadeModuleId);
          if (language && language.language !== 'nl') {
            if (chunk.imports.length) this.error(`${chunk.fileName} imports other chunks; a language chunk must stand alone`);
            (list.languages[language.owner] ??= {})[language.language] = chunk.fileName;
          }
          if (!chunk.isEntry) continue;
          const tag = chunk.name;
          const className = tag === 'ouder-config' ? undefined : tag.replace(/(^|-)(\w)/g, (_match, _dash, letter) => letter.toUpperCase());
          if (className && !chunk.exports.includes(className)) this.error(`${chunk.fileName} does not export ${className}`);
          const files = [...closure(chunk.fileName)];
          // Whose texts the element's files import: the widget's, the core's, a core part's.
          const owners = files.flatMap((file) => bundle[file].dynamicImports.map((imported) => languageModule(bundle[imported].facadeModuleId)?.owner));
          list.elements[tag] = { files, className, texts: [...new Set(owners.filter(Boolean))].sort() };
        }
        // The same list as a file, for tests and tools; the loader carries its own copy.
        this.emitFile({ type: 'asset', fileName: 'chunks.json', source: `${JSON.stringify(list, null, 2)}\n` });
      },
    },
    provide: {
      name: 'ouderstem-provide-chunks',
      resolveId: (id) => (id === 'ouderstem:chunks' ? '\0ouderstem:chunks' : null),
      load(id) {
        if (id !== '\0ouderstem:chunks') return null;
        if (!list) this.error('the chunks are built first (the loader lists them)');
        return Object.entries({ folder, ...list })
          .map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`)
          .join('\n');
      },
    },
    /** The list of the last build, for `npm run size`. */
    get list() {
      return list;
    },
  };
}

/** The CDN build's two configurations, writing to `dir` (rollup -c), or for `generate()` (npm run size). */
export function cdnConfigs(dir = 'dist', chunks = cdnChunks()) {
  return [
    {
      input: cdnInputs,
      output: {
        dir: `${dir}/${chunks.folder}`,
        format: 'es',
        entryFileNames: '[name]-[hash].js',
        chunkFileNames: (chunk) => `${chunkName(chunk)}-[hash].js`,
        manualChunks: sharedChunk,
        sourcemap: true,
      },
      plugins: [...plugins({ minify: true }), chunks.collect],
    },
    {
      input: 'src/loader.ts',
      output: { file: `${dir}/ouderstem.js`, format: 'es', sourcemap: true },
      plugins: [chunks.provide, ...plugins({ minify: true })],
    },
  ];
}

export default [
  {
    input: {
      index: 'src/index.ts',
      config: 'src/register-config.ts',
      ...Object.fromEntries(widgets.map((name) => [name, `src/${name}/index.ts`])),
    },
    external,
    output: { dir: 'dist', format: 'es', chunkFileNames: (chunk) => `chunks/${chunkName(chunk)}-[hash].js`, sourcemap: true },
    plugins: plugins({ minify: false }),
  },
  ...cdnConfigs(),
  {
    input: 'src/index.ts',
    output: { file: 'dist/ouderstem.all.js', format: 'es', inlineDynamicImports: true, sourcemap: true },
    plugins: plugins({ minify: true }),
  },
];
