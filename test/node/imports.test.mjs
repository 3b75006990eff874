// No import cycles in src/: each module can be read, tested and loaded on its own, and a bundler
// never has to guess an order. Found from esbuild's metafile of every entry (imports as they run,
// types left out).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { build } from 'esbuild';

const root = new URL('../../', import.meta.url).pathname;
const widgets = readdirSync(`${root}src`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'core')
  .map((entry) => `src/${entry.name}/index.ts`);

/** Every cycle in the import graph, each as a list of files that ends where it starts. */
function cycles(graph) {
  const found = [];
  const state = new Map(); // file → 'open' while on the path, 'done' after
  const path = [];
  const visit = (file) => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe('imports', () => {
  it('src/ has no import cycles', async () => {
    const { metafile } = await build({
      absWorkingDir: root,
      entryPoints: ['src/index.ts', 'src/register-config.ts', ...widgets],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      outdir: 'out',
      logLevel: 'silent',
      external: ['lit', 'lit/*', '@lit/*'],
    });
    const graph = new Map(
      Object.entries(metafile.inputs)
        .filter(([file]) => file.startsWith('src/'))
        .map(([file, input]) => [file, input.imports.map((entry) => entry.path).filter((path) => path.startsWith('src/'))]),
    );
    assert.ok(graph.size > 30, `read ${graph.size} modules`);
    assert.deepEqual(cycles(graph).map((cycle) => cycle.join(' → ')), []);
  });
});
