/// <reference lib="webworker" />
/**
 * The service worker: the whole course offline after one visit. `astro build` bundles this file
 * into `dist/sw.js` with the list of every built file and a version made from their contents
 * (scripts/service-worker.mjs). It installs the new version's cache in the background, waits
 * until the page asks before taking over (so nothing swaps under the learner), and answers from the
 * cache first. Every response it gives carries the cross-origin isolation headers, which the
 * Worker runtime and WebContainers need.
 */
declare const __PRECACHE__: string[]
declare const __VERSION__: string
// The project's types are the page's (DOM); this file runs as a service worker.
const worker = self as unknown as ServiceWorkerGlobalScope

const CACHE = `signed-in-${__VERSION__}`
const ISOLATION: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

worker.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(__PRECACHE__)))
})

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith('signed-in-') && name !== CACHE) await caches.delete(name)
      await worker.clients.claim()
    })(),
  )
})

// The page's "Reload" button: take over now.
worker.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') void worker.skipWaiting()
})

/** A copy of a response with the isolation headers, and no "redirected" flag to trip navigation. */
function isolated(response: Response): Response {
  if (response.type === 'opaque') return response
  const headers = new Headers(response.headers)
  for (const [name, value] of Object.entries(ISOLATION)) headers.set(name, value)
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  })
}

async function respond(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE)
  // Pagefind asks for its entry file with a cache-busting query; the cached copy serves it.
  const cached = await cache.match(request, { ignoreSearch: true })
  if (cached) return isolated(cached)
  try {
    return isolated(await fetch(request))
  } catch (error) {
    if (request.mode === 'navigate') {
      const notFound = await cache.match('/404.html')
      if (notFound) return isolated(notFound)
    }
    throw error
  }
}

worker.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url)
  if (event.request.method !== 'GET' || url.origin !== worker.location.origin) return
  event.respondWith(respond(event.request))
})
