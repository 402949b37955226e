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
    fileParallelism: false,
  },
})
