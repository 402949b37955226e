import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { isolationHeaders } from './isolation-headers.mjs'

describe('cross-origin isolation headers', () => {
  it('public/_headers sends the same headers for every page as npm start and astro dev', () => {
    const headersFile = readFileSync('public/_headers', 'utf8')
    const block = headersFile.split(/\n(?=\S)/).find((section) => section.startsWith('/*\n')) ?? ''
    for (const [name, value] of Object.entries(isolationHeaders)) {
      expect(block).toContain(`  ${name}: ${value}`)
    }
  })
})
