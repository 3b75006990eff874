// Prints raw / gzip / brotli bytes of every entry, each bundled on its own with Lit inside and
// minified as a CMS page would load it, and exits non-zero when one exceeds its budget.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { plugins } from '../rollup.config.mjs';
import { budgets, widgets } from './entries.mjs';

async function bundle(input) {
  const build = await rollup({ input, plugins: plugins({ minify: true }), onwarn: () => {} });
  const { output } = await build.generate({ format: 'es', inlineDynamicImports: true });
  await build.close();
  return Buffer.from(output[0].code);
}

const rows = [];
for (const name of widgets) rows.push({ name: `ouderstem/${name}`, budget: budgets[name], code: await bundle(`src/${name}/index.ts`) });
rows.push({ name: 'dist/ouderstem.js', budget: widgets.length === 4 ? budgets['ouderstem.js'] : undefined, code: await bundle('src/index.ts') });

let failed = 0;
const kib = (bytes) => (bytes / 1024).toFixed(2).padStart(7);
console.log('entry                      raw KiB  gzip KiB  brotli KiB  budget');
for (const { name, budget, code } of rows) {
  const gzip = gzipSync(code, { level: 9 }).length;
  const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const over = budget !== undefined && brotli > budget * 1024;
  if (over) failed++;
  console.log(
    `${name.padEnd(26)}${kib(code.length)}  ${kib(gzip)}  ${kib(brotli)}     ${budget ? `${budget} ${over ? 'OVER' : 'ok'}` : '(all four widgets not there yet)'}`,
  );
}
if (failed) {
  console.error(`${failed} entr${failed === 1 ? 'y is' : 'ies are'} over budget.`);
  process.exit(1);
}
