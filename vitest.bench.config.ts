import { defineConfig } from 'vitest/config'

/** `npm run bench`: performance goals live here, never in timed tests. */
export default defineConfig({
  test: {
    include: [],
    benchmark: { include: ['src/**/*.bench.ts'] },
  },
})
