// Prints raw / gzip / brotli bytes of every entry, each bundled on its own with Lit inside and
// minified as a CMS page would load it: for a widget entry, what a Dutch page loads (its other
// languages are chunks of their own); dist/ouderstem.js is one file with every language. Fails
// when an entry grows past its ceiling, and says how far each one is from the budget the issues
// set (scripts/entries.mjs).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { plugins } from '../rollup.config.mjs';
import { budgets, ceilings, widgets } from './entries.mjs';

async function bundle(input, { oneFile = false } = {}) {
  const build = await rollup({ input, plugins: plugins({ minify: true }), onwarn: () => {} });
  const { output } = await build.generate({ format: 'es', inlineDynamicImports: oneFile });
  await build.close();
  const entry = output.find((file) => file.type === 'chunk' && file.isEntry);
  const loaded = output.filter((file) => file === entry || entry.imports.includes(file.fileName));
  return Buffer.from(loaded.map((file) => file.code).join('\n'));
}

const rows = widgets.map((name) => ({ name: `ouderstem/${name}`, key: name, input: `src/${name}/index.ts` }));
rows.push({ name: 'dist/ouderstem.js', key: widgets.length === 4 ? 'ouderstem.js' : undefined, input: 'src/index.ts', oneFile: true });

let grown = 0;
let overBudget = 0;
const kib = (bytes) => (bytes / 1024).toFixed(2).padStart(7);
console.log('entry                      raw KiB  gzip KiB  brotli KiB  ceiling  budget');
for (const row of rows) {
  const code = await bundle(row.input, row);
  const gzip = gzipSync(code, { level: 9 }).length;
  const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length / 1024;
  const ceiling = row.key && ceilings[row.key];
  const budget = row.key && budgets[row.key];
  const status = [];
  if (ceiling && brotli > ceiling) {
    grown++;
    status.push('GREW past its ceiling');
  }
  if (budget && brotli > budget) {
    overBudget++;
    status.push(`${(brotli - budget).toFixed(2)} KiB over budget`);
  }
  console.log(
    `${row.name.padEnd(26)}${kib(code.length)}  ${kib(gzip)}  ${brotli.toFixed(2).padStart(10)}  ${String(ceiling ?? '-').padStart(7)}  ${String(budget ?? '-').padStart(6)}  ${status.join('; ') || 'ok'}`,
  );
}
if (overBudget) console.log(`${overBudget} of ${rows.length} entries are over the budget the issues set (see README, "Size").`);
if (grown) {
  console.error(`${grown} entr${grown === 1 ? 'y grew' : 'ies grew'} past the ceiling in scripts/entries.mjs.`);
  process.exit(1);
}
