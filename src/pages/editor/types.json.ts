import type { APIRoute } from 'astro'
import { collectEditorTypes } from '../../editor/editor-types'

/** Declarations for the editor's autocomplete, fetched the first time a learner edits code. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(collectEditorTypes(process.cwd())), {
    headers: { 'Content-Type': 'application/json' },
  })
