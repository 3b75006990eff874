// The console's component tests: web-test-runner in Chromium, like the widgets' (the root
// web-test-runner.config.mjs), with the console's own tsconfig. The validators compiled from
// schemas/ are generated first, as the build does. Run: npx web-test-runner --config server/beheer/web-test-runner.config.mjs
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeArgs, chromePath } from '../../scripts/chrome.mjs';
import { countReporter } from '../../scripts/wtr-count-reporter.mjs';
import { generateValidators } from './build.mjs';

generateValidators();

export default {
  rootDir: fileURLToPath(new URL('../..', import.meta.url)),
  files: ['server/beheer/test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  plugins: [esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromePath, headless: true, args: chromeArgs } })],
  concurrency: 1,
  testFramework: { config: { timeout: 15000 } },
  testsFinishTimeout: 300000,
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
};
