import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium (never a downloaded browser) against a running Parley
 * whose environment provider is the simulated one. `mvn verify` runs them from WebAppIT, which
 * starts both and passes their addresses; by hand, start them with e2e/dev-server.sh.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: process.env.PARLEY_URL ?? 'http://127.0.0.1:18080',
    locale: 'en-US',
    // The app turns antd's animations off for users who ask for less motion; clicks then never
    // land on a dialog that is still zooming in on a busy machine.
    reducedMotion: 'reduce',
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
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
});
