// Two builds:
// 1. npm entries (`ouderstem`, `ouderstem/peiling`, …, `ouderstem/config`): ESM with shared chunks; Lit stays an
//    import so an application that already uses Lit loads it once. Languages other than Dutch are chunks of
//    their own, which the application's bundler splits off in turn.
// 2. dist/ouderstem.js: one minified file with Lit's production build inside, for a CMS page.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import dynamicImportVars from '@rollup/plugin-dynamic-import-vars';
import terser from '@rollup/plugin-terser';
import { literalsHtmlCssMinifier } from '@literals/rollup-plugin-html-css-minifier';
import esbuild from 'rollup-plugin-esbuild';
import { widgets } from './scripts/entries.mjs';

export const plugins = ({ minify }) => [
  nodeResolve({ exportConditions: ['production'] }),
  esbuild({ target: 'es2021', tsconfig: 'tsconfig.json', minify: false }),
  // ``import(`./i18n/${language}.ts`)`` becomes one import per file of that folder: a chunk per language.
  dynamicImportVars({ include: ['src/**/*.ts'] }),
  // White space inside html`` and css`` templates is most of what terser cannot shrink.
  minify && literalsHtmlCssMinifier({ include: ['src/**/*.ts'], failOnError: true }),
  minify && terser({ ecma: 2021, module: true, compress: { passes: 2 }, format: { comments: false } }),
];

const external = (id) => id === 'lit' || id.startsWith('lit/') || id.startsWith('@lit/');

/** `src/peiling/i18n/en.ts` → `{ owner: 'peiling', language: 'en' }`; the core's live in `src/core/i18n/texts/`. */
export function languageModule(id) {
  const match = /[\\/]src[\\/](\w+)[\\/]i18n[\\/](?:texts[\\/])?(\w+)\.ts$/.exec(id ?? '');
  return match && { owner: match[1], language: match[2] };
}

/** Language chunks are named after what they hold (`peiling.en`), not only `en`. */
const chunkName = (chunk) => {
  const texts = languageModule(chunk.facadeModuleId);
  return texts ? `${texts.owner}.${texts.language}` : chunk.name;
};

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
  {
    input: 'src/index.ts',
    output: { file: 'dist/ouderstem.js', format: 'es', inlineDynamicImports: true, sourcemap: true },
    plugins: plugins({ minify: true }),
  },
];
