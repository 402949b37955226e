import { defineConfig } from 'vitest/config'

/**
 * Real-browser tests: playwright-core drives Debian's Chromium against the built site (`dist/`),
 * served by the same server `npm start` uses. Run `npm run build` first (npm test does).
 */
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/global-setup.ts'],
    // Backstops for a hung test, not budgets: a test that passes ends when its events arrive, and a
    // busy 2-core machine running two browsers can take minutes over an editor test.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll asks again until it holds, so a longer limit only delays a failure, never a pass.
    // Vitest's default (1 s) is less than a cold page's first script on a busy 2-core machine.
    expect: { poll: { timeout: 15_000 } },
    // Two files at a time, each with its own Chromium: one file's browser mostly keeps one core
    // busy, so two use the machine's two. Files share only the static server, which is read-only.
    fileParallelism: true,
    maxWorkers: 2,
  },
})
