import { defineConfig } from '@playwright/test';
import { generateProjects } from '@backstage/e2e-test-utils/playwright';

// Browser tests drive the system's Chromium (Debian's package on CI): Playwright
// cannot download its own browsers on every machine.
import { chromiumLaunchOptions } from './scripts/chromiumLaunch';

export default defineConfig({
  timeout: 90_000,

  expect: {
    timeout: 30_000,
  },

  // Starts the portal as the README's first command does (`yarn start`: the
  // backend and the app's dev server together, SQLite in memory, example
  // mesh), unless PLAYWRIGHT_URL points at a running one. Playwright starts
  // the servers of a list one after the other, so one command starts both:
  // Playwright waits for the app, the global setup for the backend.
  webServer: process.env.PLAYWRIGHT_URL
    ? []
    : [
        {
          command: 'yarn start',
          url: 'http://localhost:3000',
          reuseExistingServer: !process.env.CI,
          timeout: 180_000,
          stdout: 'ignore',
          stderr: 'pipe',
        },
      ],

  globalSetup: './packages/app/e2e-tests/backendReady.ts',

  forbidOnly: !!process.env.CI,

  retries: process.env.CI ? 1 : 0,

  workers: 1,

  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report/html' }],
    [
      'json',
      {
        outputFile: process.env.DM_REPORTS
          ? `${process.env.DM_REPORTS}/e2e.json`
          : 'e2e-test-report/results.json',
      },
    ],
  ],

  use: {
    actionTimeout: 0,
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    screenshot: 'only-on-failure',
    trace: 'on-first-retry',
    launchOptions: chromiumLaunchOptions,
  },

  outputDir: 'e2e-test-report/results',

  projects: generateProjects().map(project => ({
    ...project,
    // No `channel`: the browser is the one at chromiumLaunchOptions.executablePath.
    use: {},
  })),
});
