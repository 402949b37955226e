import { defineConfig } from 'vitest/config'

/** `npm run bench`: performance goals live here, never in timed tests. */
export default defineConfig({
  test: {
    include: ['src/**/*.bench.ts'],
    benchmark: { include: ['src/**/*.bench.ts'] },
    fileParallelism: false,
    testTimeout: 120_000,
  },
})
