import { defineConfig } from 'vitest/config'

/** Unit tests: engines, stores and the login manager, in Node. Browser tests have their own config. */
export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'scripts/**/*.test.ts',
      'exercises/**/*.test.ts',
      'tests/content/**/*.test.ts',
      'tests/lint/**/*.test.ts',
    ],
    testTimeout: 120_000,
    exclude: ['node_modules', 'dist', 'exercises/*/starter/**', 'exercises/*/solution/**'],
    pool: 'threads',
    maxWorkers: 2,
    // Concurrent tests (the malformed-content cases, each running astro) two at a time per file.
    maxConcurrency: 2,
  },
})
