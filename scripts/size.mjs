// Prints raw / gzip / brotli bytes of every entry, each bundled on its own with Lit inside and
// minified as a CMS page would load it. Fails when an entry grows past its ceiling, and says how
// far each one is from the budget the issues set (scripts/entries.mjs).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { plugins } from '../rollup.config.mjs';
import { allWidgets, budgets, ceilings, widgets } from './entries.mjs';

async function bundle(input) {
  const build = await rollup({ input, plugins: plugins({ minify: true }), onwarn: () => {} });
  const { output } = await build.generate({ format: 'es', inlineDynamicImports: true });
  await build.close();
  return Buffer.from(output[0].code);
}

const rows = widgets.map((name) => ({ name: `ouderstem/${name}`, key: name, input: `src/${name}/index.ts` }));
rows.push({ name: 'dist/ouderstem.js', key: widgets.length === allWidgets.length ? 'ouderstem.js' : undefined, input: 'src/index.ts' });

let grown = 0;
let overBudget = 0;
let withData = 0;
// The CBS data (data/) loads beside the script when a page shows the map (#12): a bundle holding a
// gemeente or jeugdregio code has the table or a boundaries layer inside it.
const cbsCode = /["']GM\d{4}["']|["']JZ\d{2}["']/;
const kib = (bytes) => (bytes / 1024).toFixed(2).padStart(7);
console.log('entry                      raw KiB  gzip KiB  brotli KiB  ceiling  budget');
for (const row of rows) {
  const code = await bundle(row.input);
  const gzip = gzipSync(code, { level: 9 }).length;
  const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length / 1024;
  const ceiling = row.key && ceilings[row.key];
  const budget = row.key && budgets[row.key];
  const status = [];
  if (cbsCode.test(code.toString())) {
    withData++;
    status.push('holds CBS data from data/');
  }
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
if (withData) {
  console.error(`${withData} entr${withData === 1 ? 'y holds' : 'ies hold'} CBS data: import data/ at run time (src/netwerkkaart/places.ts), never into the bundle.`);
  process.exitCode = 1;
}
if (grown) {
  console.error(`${grown} entr${grown === 1 ? 'y grew' : 'ies grew'} past the ceiling in scripts/entries.mjs.`);
  process.exit(1);
}
