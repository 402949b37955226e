import { defineConfig } from 'vitest/config'

/**
 * Real-browser tests: playwright-core drives Debian's Chromium against the built site (`dist/`),
 * served by the same server `npm start` uses. Run `npm run build` first (npm test does).
 */
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two files at a time, each with its own Chromium: one file's browser mostly keeps one core
    // busy, so two use the machine's two. Files share only the static server, which is read-only.
    fileParallelism: true,
    maxWorkers: 2,
  },
})
