import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** Both browsers' end-to-end tiers. */
const E2E = {
  environment: 'node',
  // One browser at a time: the machine has two cores and each test file launches a browser.
  fileParallelism: false,
  testTimeout: 60_000,
  hookTimeout: 90_000,
} as const;

export default defineConfig({
  test: {
    // The JSON report lets .ci/run print one "N passed, N failed" line per tier (each tier's
    // npm script names its own file: test-results/<tier>.json).
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        plugins: [WxtVitest()],
        esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['tests/setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e-chromium',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: ['tests/e2e/**/*firefox*.test.ts'],
          ...E2E,
        },
      },
      {
        test: {
          // The Firefox build in Firefox ESR: the shared scenarios (core.firefox.test.ts).
          name: 'e2e-firefox',
          include: ['tests/e2e/**/*firefox*.test.ts'],
          ...E2E,
        },
      },
    ],
  },
});
