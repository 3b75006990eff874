// The reference server may not import src/ (it is its own package, compiled from server/), so the
// few pure modules it shares with the widgets are copied into server/src/ here, as the schema
// types are. `--check` fails when a copy is out of date instead of writing it.
//
//   node scripts/share-with-server.mjs [--check]
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');

/** Source in src/ → copy in server/src/. Each source imports nothing, so the copy compiles as it is. */
const shared = { 'src/netwerkkaart/gazetteer.ts': 'server/src/gazetteer.ts' };

let stale = 0;
for (const [source, target] of Object.entries(shared)) {
  const text = await readFile(root + source, 'utf8');
  if (/^import\s/m.test(text)) throw new Error(`${source} imports something: the server copy could not compile`);
  const copy = `// Copied from ${source} by scripts/share-with-server.mjs. Do not edit: change the source and run \`npm run share\`.\n${text}`;
  if (check) {
    if ((await readFile(root + target, 'utf8').catch(() => '')) !== copy) {
      console.error(`${target} is out of date with ${source}: run \`npm run share\`.`);
      stale++;
    }
  } else {
    await writeFile(root + target, copy);
    console.log(`wrote ${target}`);
  }
}
process.exit(stale ? 1 : 0);
