// `npm run size`: what each way of loading Ouderstem costs a browser, minified with Lit inside,
// each file brotli-compressed on its own (as a browser fetches it; 1 KiB = 1024 bytes):
// - the npm entries, as an application's bundler would ship them for a Dutch page (the entry and
//   what it imports; the other languages are chunks of their own that a Dutch page never loads);
// - pages that load dist/ouderstem.js, the loader: the loader plus every chunk it imports;
// - every language chunk, and dist/ouderstem.all.js (everything in one file).
// Prints each figure beside its budget and ceiling (scripts/entries.mjs), and fails when one
// grows past its ceiling.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { cdnChunks, cdnConfigs, plugins } from '../rollup.config.mjs';
import { allWidgets, budgets, ceilings, widgets } from './entries.mjs';

const brotli = (code) => brotliCompressSync(Buffer.from(code), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length / 1024;
const gzip = (code) => gzipSync(Buffer.from(code), { level: 9 }).length / 1024;

async function generate(options) {
  const build = await rollup({ ...options, onwarn: () => {} });
  const { output } = await build.generate([options.output].flat()[0]);
  await build.close();
  return output.filter((file) => file.type === 'chunk');
}

/** An entry's chunk and every chunk it imports statically: what a Dutch page loads of it. */
function staticClosure(chunks, entry) {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Set();
  const visit = (chunk) => {
    if (seen.has(chunk)) return;
    seen.add(chunk);
    for (const name of chunk.imports) visit(byName.get(name));
  };
  visit(entry);
  return [...seen];
}

// The CBS data (data/) loads beside the script when a page shows the map (#12): a file holding a
// gemeente or jeugdregio code has the table or a boundaries layer inside it.
const cbsCode = /["']GM\d{4}["']|["']JZ\d{2}["']/;

const rows = [];
const row = (name, key, code, files = 1) =>
  rows.push({ name, key, files, raw: code.length / 1024, gzip: gzip(code), brotli: brotli(code), data: cbsCode.test(code) });
/** Several files fetched one by one: the sum of their sizes. */
const sum = (name, key, codes) =>
  rows.push({
    name,
    key,
    files: codes.length,
    raw: codes.reduce((total, code) => total + code.length, 0) / 1024,
    gzip: codes.reduce((total, code) => total + gzip(code), 0),
    brotli: codes.reduce((total, code) => total + brotli(code), 0),
    data: codes.some((code) => cbsCode.test(code)),
  });

// npm entries.
for (const name of widgets) {
  const chunks = await generate({ input: `src/${name}/index.ts`, plugins: plugins({ minify: true }), output: { format: 'es' } });
  sum(`ouderstem/${name}`, name, staticClosure(chunks, chunks.find((chunk) => chunk.isEntry)).map((chunk) => chunk.code));
}

// The CDN: the chunks, then the loader that lists them.
const list = cdnChunks();
const [chunksBuild, loaderBuild] = cdnConfigs('dist', list);
const cdn = await generate(chunksBuild);
const [loader] = await generate(loaderBuild);
const code = new Map(cdn.map((chunk) => [chunk.fileName, chunk.code]));
const page = (tags, language) => {
  const files = new Set();
  for (const tag of tags) {
    for (const file of list.list.elements[tag].files) files.add(file);
    for (const owner of list.list.elements[tag].texts) {
      const file = list.list.languages[owner][language];
      if (file) files.add(file);
    }
  }
  return [loader.code, ...[...files].map((file) => code.get(file))];
};
sum('page: one Dutch <ouder-peiling>', 'page: one poll', page(['ouder-peiling']));
// #15's budget page: the four widgets of that issue (the display widget <ouder-terugkoppeling> came later).
const four = ['peiling', 'meedenksessie', 'ervaring', 'netwerkkaart'].filter((name) => widgets.includes(name));
sum(`page: all ${four.length} of #15's widgets, Dutch`, four.length === 4 ? 'page: all four' : undefined, page(four.map((name) => `ouder-${name}`)));
if (widgets.length > four.length) sum(`page: all ${widgets.length} widgets, Dutch`, undefined, page(widgets.map((name) => `ouder-${name}`)));
sum('page: one <ouder-peiling> in Arabic', undefined, page(['ouder-peiling'], 'ar'));
row('dist/ouderstem.js (the loader)', 'loader', loader.code);

const [all] = await generate({ input: 'src/index.ts', plugins: plugins({ minify: true }), output: { format: 'es', inlineDynamicImports: true } });
row('dist/ouderstem.all.js (one file)', widgets.length === allWidgets.length ? 'ouderstem.all.js' : undefined, all.code);

// Language chunks: one per widget and language, and the core's.
const languageRows = [];
for (const chunk of cdn.filter((file) => /\.[a-z]+-[\w-]+\.js$/.test(file.fileName) && !file.isEntry)) {
  const [, owner, language] = /^(\w+)\.(\w+)-/.exec(chunk.fileName) ?? [];
  if (owner) languageRows.push({ owner, language, brotli: brotli(chunk.code) });
}

let grown = 0;
let overBudget = 0;
let withData = 0;
const figure = (value) => value.toFixed(2).padStart(8);
const limits = (key, size, data = false) => {
  const ceiling = key && ceilings[key];
  const budget = key && budgets[key];
  const status = [];
  if (data) {
    withData++;
    status.push('holds CBS data from data/');
  }
  if (ceiling && size > ceiling) {
    grown++;
    status.push('GREW past its ceiling');
  }
  if (budget && size > budget) {
    overBudget++;
    status.push(`${(size - budget).toFixed(2)} KiB over budget`);
  }
  return `${String(ceiling || '-').padStart(8)}${String(budget || '-').padStart(8)}  ${status.join('; ') || 'ok'}`;
};

console.log('what                                   files  raw KiB gzip KiB  brotli  ceiling  budget');
for (const entry of rows) {
  console.log(`${entry.name.padEnd(38)}${String(entry.files).padStart(6)}${figure(entry.raw)}${figure(entry.gzip)}${figure(entry.brotli)} ${limits(entry.key, entry.brotli, entry.data)}`);
}
console.log('\nlanguage chunks (brotli KiB; a page loads one per widget and language, and the core\'s once)');
const owners = [...new Set(languageRows.map((entry) => entry.owner))];
const languages = [...new Set(languageRows.map((entry) => entry.language))].sort();
console.log(`${'chunk'.padEnd(16)}${languages.map((language) => language.padStart(8)).join('')}  ceiling  budget`);
for (const owner of owners) {
  const sizes = languages.map((language) => languageRows.find((entry) => entry.owner === owner && entry.language === language)?.brotli);
  const largest = Math.max(...sizes.filter((size) => size !== undefined));
  console.log(`${owner.padEnd(16)}${sizes.map((size) => (size === undefined ? '-'.padStart(8) : figure(size))).join('')} ${limits('language chunk', largest)}`);
}
if (overBudget) console.log(`\n${overBudget} figure${overBudget === 1 ? ' is' : 's are'} over the budget the issues set (see README, "Size").`);
if (withData) {
  console.error(`${withData} figure${withData === 1 ? ' holds' : 's hold'} CBS data: import data/ at run time (src/netwerkkaart/places.ts), never into the bundle.`);
  process.exitCode = 1;
}
if (grown) {
  console.error(`${grown} figure${grown === 1 ? '' : 's'} grew past the ceiling in scripts/entries.mjs.`);
  process.exit(1);
}
