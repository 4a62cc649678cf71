import rollupCommonjs from '@rollup/plugin-commonjs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteer from 'puppeteer-core';
import { feedRoutes } from './test/server/routes.js';
import { presenceRoutes } from './test/server/presence-routes.js';
import { sseRoutes } from './test/server/sse-routes.js';

// The browsers run in a zone far from Bangkok, so every test proves that dates and times are
// computed in the feed's or element's zone, never the viewer's.
process.env.TZ = process.env.TEST_TZ ?? 'America/New_York';

const chromium = chromeLauncher({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  },
});

const firefox = chromeLauncher({
  puppeteer,
  launchOptions: {
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
  },
  // Puppeteer sets the viewport with a screen-orientation command some Firefox ESR releases
  // (140.12) do not know; the viewport itself is set by the command sent beside it.
  createPage: async ({ context }) => {
    const page = await context.newPage();
    const setViewport = page.setViewport.bind(page);
    page.setViewport = async (viewport) => {
      try {
        return await setViewport(viewport);
      } catch (error) {
        if (!/setScreenOrientationOverride/.test(String(error?.message))) throw error;
      }
    };
    return page;
  },
});

const only = process.env.BROWSERS?.split(',');
const browsers = [
  ['chromium', chromium],
  ['firefox', firefox],
]
  .filter(([name]) => !only || only.includes(name))
  .map(([, launcher]) => launcher);

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'es2015', 'production'] },
  browsers,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 240000,
  // A busy two-core machine can take a while to start Firefox.
  browserStartTimeout: 120000,
  testsStartTimeout: 120000,
  middleware: [feedRoutes, sseRoutes, presenceRoutes],
  plugins: [
    // papaparse ships as a UMD script; the bundlers convert it, the test server must too.
    fromRollup(rollupCommonjs)({
      include: ['**/node_modules/papaparse/**'],
      // Its Node-only streaming branch requires 'stream'; browsers never take it.
      ignore: ['stream'],
      strictRequires: false,
    }),
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'auto-always' }),
  ],
};
