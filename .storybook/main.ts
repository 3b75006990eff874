import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';

/**
 * Lit's production build in Storybook, as a CMS page gets it (and no "Lit is in dev mode"
 * warning). Storybook's own config plugin adds Vite's default conditions, which pick
 * `development` in `storybook dev`; this runs after it and picks `production` instead.
 */
const litProduction: Plugin = {
  name: 'ouderstem:lit-production',
  enforce: 'post',
  config(config) {
    const conditions = config.resolve?.conditions ?? ['module', 'browser', 'development|production'];
    config.resolve = {
      ...config.resolve,
      conditions: [...new Set(conditions.map((condition) => (condition === 'development|production' ? 'production' : condition)))].filter(
        (condition) => condition !== 'development',
      ),
    };
  },
};

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  // Definitions the web-editor stories load by URL, as a page does.
  staticDirs: [{ from: '../test/fixtures', to: '/fixtures' }],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  // <ouder-netwerkkaart> finds the shipped CBS data beside its script, at /data/ (see src/netwerkkaart/places.ts).
  staticDirs: [{ from: '../data', to: '/data' }],
  // Change detection (which story changed since the last commit) keeps the dev server busy
  // with git and the module graph while the first pages load; nobody here reads it.
  features: { changeDetection: false },
  viteFinal(vite) {
    vite.plugins = [...(vite.plugins ?? []), litProduction];
    // One copy of Lit for the widgets and Storybook's own renderer (which imports
    // lit/directive-helpers.js), or Lit warns "Multiple versions of Lit loaded".
    vite.resolve = { ...vite.resolve, dedupe: ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'] };
    vite.optimizeDeps = { ...vite.optimizeDeps, include: [...(vite.optimizeDeps?.include ?? []), 'lit', 'lit/directive-helpers.js'] };
    // Transform the stories and widgets as the dev server starts, not while the first page loads:
    // a server busy with that for more than a second makes Storybook's manager give up waiting for
    // its state ("Timed out waiting for leader state").
    vite.server = { ...vite.server, warmup: { clientFiles: ['./stories/**/*.{ts,mdx}', './src/**/*.ts'] } };
    return vite;
  },
};

export default config;
