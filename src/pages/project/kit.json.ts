import type { APIRoute } from 'astro'
import { buildProjectKit } from '../../course/project-kit'

/** What every "Download as a project" zip shares. Fetched only when the button is pressed. */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await buildProjectKit()), {
    headers: { 'Content-Type': 'application/json' },
  })
