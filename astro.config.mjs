// @ts-check
import mdx from '@astrojs/mdx'
import { defineConfig } from 'astro/config'
import { isolationHeaders } from './scripts/isolation-headers.mjs'
import { monacoCssOnDemand } from './scripts/monaco-css-on-demand.mjs'
import { searchIndex } from './scripts/pagefind-index.mjs'
import { serviceWorker } from './scripts/service-worker.mjs'

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: 'https://signed-in.dev',
  trailingSlash: 'ignore',
  integrations: [mdx(), searchIndex(), serviceWorker()],
  // `astro dev` serves every page cross-origin isolated, like `npm start` and public/_headers.
  server: { port: 4321, headers: isolationHeaders },
  markdown: {
    shikiConfig: {
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      defaultColor: 'light-dark()',
      wrap: false,
    },
  },
  build: { inlineStylesheets: 'auto' },
  vite: {
    plugins: [monacoCssOnDemand()],
    worker: { format: 'es' },
  },
})
