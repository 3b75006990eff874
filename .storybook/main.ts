import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  // <ouder-netwerkkaart> finds the shipped CBS data beside its script, at /data/ (see src/netwerkkaart/places.ts).
  staticDirs: [{ from: '../data', to: '/data' }],
};

export default config;
