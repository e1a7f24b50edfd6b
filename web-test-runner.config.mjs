import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { defaultReporter } from '@web/test-runner';
import { testRoutes } from './test/server/middleware.mjs';
import { summaryReporter } from './test/server/summary-reporter.mjs';
import { browserPaths } from './scripts/browsers.mjs';

const paths = browserPaths();
const wanted = (process.env.TC_BROWSERS ?? 'chromium,firefox').split(',');

const browsers = [];
if (wanted.includes('chromium')) {
  browsers.push(
    chromeLauncher({
      launchOptions: {
        executablePath: paths.chromium,
        args: [
          '--no-sandbox',
          '--headless=new',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          // Test pages run side by side; a background page must not be throttled or paused.
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  );
}
if (wanted.includes('firefox')) {
  browsers.push(
    puppeteerLauncher({
      launchOptions: { browser: 'firefox', executablePath: paths.firefox, headless: true },
      concurrency: 1,
    }),
  );
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  // One page per browser at a time: a background tab gets no animation frames, which fixtures wait for.
  concurrency: 1,
  browsers,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  middleware: [testRoutes],
  reporters: [defaultReporter(), ...(process.env.TC_SUMMARY_FILE ? [summaryReporter(process.env.TC_SUMMARY_FILE)] : [])],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'auto' })],
};
