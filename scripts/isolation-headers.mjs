/**
 * The response headers that make every page cross-origin isolated, which WebContainers need
 * (`SharedArrayBuffer`). One list serves `astro dev` (astro.config.mjs), `npm start`
 * (scripts/serve.mjs) and is checked against `public/_headers` by a unit test.
 *
 * @example
 * import { isolationHeaders } from './isolation-headers.mjs'
 * res.setHeader('Cross-Origin-Opener-Policy', isolationHeaders['Cross-Origin-Opener-Policy'])
 */
export const isolationHeaders = Object.freeze({
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
})
