// Two builds:
// 1. npm entries (`ouderstem`, `ouderstem/peiling`, …, `ouderstem/config`): ESM with shared chunks; Lit stays an
//    import so an application that already uses Lit loads it once.
// 2. dist/ouderstem.js: one minified file with Lit's production build inside, for a CMS page.
import { dirname, join, relative } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { literalsHtmlCssMinifier } from '@literals/rollup-plugin-html-css-minifier';
import esbuild from 'rollup-plugin-esbuild';
import { widgets } from './scripts/entries.mjs';

/**
 * <ouder-netwerkkaart> finds the shipped CBS data beside its script (src/netwerkkaart/places.ts):
 * `'../../data/'` from src/netwerkkaart/ becomes the way from each chunk's folder to the
 * package's data/ (dist/netwerkkaart.js: `'../data/'`), which is also `/data/` when the reference
 * server serves dist/ at `/`. A build that writes nowhere (npm run size) keeps it as it is.
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
  dataFolder(),
  // White space inside html`` and css`` templates is most of what terser cannot shrink.
  minify && literalsHtmlCssMinifier({ include: ['src/**/*.ts'], failOnError: true }),
  minify && terser({ ecma: 2021, module: true, compress: { passes: 2 }, format: { comments: false } }),
];

const external = (id) => id === 'lit' || id.startsWith('lit/') || id.startsWith('@lit/');

export default [
  {
    input: {
      index: 'src/index.ts',
      config: 'src/register-config.ts',
      ...Object.fromEntries(widgets.map((name) => [name, `src/${name}/index.ts`])),
    },
    external,
    output: { dir: 'dist', format: 'es', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true },
    plugins: plugins({ minify: false }),
  },
  {
    input: 'src/index.ts',
    output: { file: 'dist/ouderstem.js', format: 'es', inlineDynamicImports: true, sourcemap: true },
    plugins: plugins({ minify: true }),
  },
];
