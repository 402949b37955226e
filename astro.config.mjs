// @ts-check
import mdx from '@astrojs/mdx'
import { defineConfig } from 'astro/config'
import { isolationHeaders } from './scripts/isolation-headers.mjs'
import { monacoCssOnDemand } from './scripts/monaco-css-on-demand.mjs'
import { searchIndex } from './scripts/pagefind-index.mjs'
import { serviceWorker } from './scripts/service-worker.mjs'
import { virtualCss } from './scripts/virtual-css.mjs'
import { codeThemes, loadCodeColours } from './src/course/code-colours.ts'

// Code blocks carry colour classes instead of inline styles; the classes' stylesheet comes with them.
const codeColours = await loadCodeColours()

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: 'https://signed-in.dev',
  trailingSlash: 'ignore',
  integrations: [mdx(), searchIndex(), serviceWorker()],
  // `astro dev` serves every page cross-origin isolated, like `npm start` and public/_headers.
  server: { port: 4321, headers: isolationHeaders },
  markdown: {
    shikiConfig: {
      themes: codeThemes,
      defaultColor: 'light-dark()',
      wrap: false,
      transformers: [codeColours.transformer],
    },
  },
  build: { inlineStylesheets: 'auto' },
  vite: {
    plugins: [monacoCssOnDemand(), virtualCss('signed-in/code-colours', codeColours.css)],
    worker: {
      format: 'es',
      // A Worker's script and everything it imports statically go in one file: a module Worker
      // fetches its imports level by level, and a chain of small shared chunks costs a round trip
      // each before it can start. What a Worker imports dynamically (the app Worker's lazily
      // loaded modules) still gets chunks of its own.
      rolldownOptions: {
        output: { codeSplitting: { groups: [{ name: 'worker-static', tags: ['$initial'] }] } },
      },
    },
  },
})
