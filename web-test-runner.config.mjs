import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { defaultReporter } from '@web/test-runner';
import { testRoutes } from './test/server/middleware.mjs';
import { summaryReporter } from './test/server/summary-reporter.mjs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReceiver, receiverAsKoaMiddleware } from './packages/cli/server/receiver.mjs';
import { browserPaths, wantedBrowsers } from './scripts/browsers.mjs';
import { webkitLauncher } from './test/server/webkit-launcher.mjs';
import { hardeningRoutes, startCrossOriginServer } from './test/server/hardening.mjs';

const paths = browserPaths();

// The receiver, as `npm start` runs it, with test hooks and no rate limit that tests would trip; its inbox
// token is the one test/receiver-inbox.test.ts signs in with.
const receiver = createReceiver({
  dataDir: mkdtempSync(join(tmpdir(), 'tc-receiver-')),
  testHooks: true,
  rateLimit: { windowMs: 60_000, max: 10_000 },
  minElapsedMs: 0,
  inboxToken: 'browser-tests-inbox-token-0123456789',
});
// Another origin (127.0.0.1, its own port) for the CORS cases of test/hardening/network.test.ts.
const crossOrigin = await startCrossOriginServer();
const wanted = wantedBrowsers();

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
          // Chromium 156 opens two omnibox popup renderers with every browser context (off in Puppeteer 25).
          '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
          // Test pages run side by side; a background page must not be throttled or paused.
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
          // test/hardening/hostile.test.ts measures the heap after many connect/disconnect cycles.
          '--js-flags=--expose-gc',
          '--enable-precise-memory-info',
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

if (wanted.includes('webkit')) browsers.push(webkitLauncher());

export default {
  files: ['test/**/*.test.ts'],
  // `browser`: openpgp/lightweight is a browser-only export.
  nodeResolve: { browser: true, exportConditions: ['production'] },
  // One page per browser at a time: a background tab gets no animation frames, which fixtures wait for.
  concurrency: 1,
  browsers,
  testFramework: { config: { timeout: 10000 } },
  // The default page, with test/setup/readable-failures.ts first: a failed assertion on a DOM node is reported.
  testRunnerHtml: (framework) =>
    `<!DOCTYPE html><html><head></head><body><script type="module" src="/test/setup/readable-failures.ts"></script><script type="module" src="${framework}"></script></body></html>`,
  testsFinishTimeout: 300000,
  middleware: [testRoutes, hardeningRoutes(() => crossOrigin.origin), receiverAsKoaMiddleware(receiver)],
  reporters: [defaultReporter(), ...(process.env.TC_SUMMARY_FILE ? [summaryReporter(process.env.TC_SUMMARY_FILE)] : [])],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'auto' })],
};
