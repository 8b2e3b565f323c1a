import { defineConfig, devices } from '@playwright/test';

// scripts/e2e.sh starts one server per worker, each on a free port with a
// fresh database, and lists them in BASE_URLS. Worker n (its parallel index,
// set in the worker's environment before it reads this file) sends every
// request to server n, so the tests on one worker run one after another
// against one database, as they were written to.
const servers = (process.env.BASE_URLS ?? process.env.BASE_URL ?? 'http://127.0.0.1:3000').split(',');
const baseURL = servers[Number(process.env.TEST_PARALLEL_INDEX ?? 0) % servers.length];

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: servers.length,
  // One retry: a test that fails once and then passes is reported as
  // flaky (scripts/e2e.sh names it last) without failing the run; one that
  // fails twice fails it. The retry runs on the same server; most tests
  // make their own data under unique names, so it starts over cleanly.
  retries: 1,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          // Debian's Chromium; never a downloaded browser.
          executablePath: '/usr/bin/chromium',
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
});
