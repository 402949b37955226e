import type { APIRoute } from 'astro'
import { buildContainerTree } from '../../course/dependency-tree'

/** The prebuilt files a WebContainer mounts instead of running npm install. Fetched only after boot. */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await buildContainerTree()), {
    headers: { 'Content-Type': 'application/json' },
  })
