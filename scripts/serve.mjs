// The static server behind `npm start` and the browser tests: serves dist/ with the
// cross-origin isolation headers, sensible caching, and dist/404.html for unknown paths.
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import { isolationHeaders } from './isolation-headers.mjs'

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.ttf': 'font/ttf',
}

/**
 * Start the static server for a built site.
 *
 * @param {{ root?: string, port?: number, host?: string }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 * @example
 * const server = await startStaticServer({ root: 'dist', port: 0 })
 * console.log(server.url)
 * await server.close()
 */
export async function startStaticServer({ root = 'dist', port = 4321, host = '127.0.0.1' } = {}) {
  const rootDir = resolve(root)
  const server = createServer(async (req, res) => {
    for (const [name, value] of Object.entries(isolationHeaders)) res.setHeader(name, value)
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
    res.setHeader('X-Content-Type-Options', 'nosniff')
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end()
      return
    }
    const path = decodePath(req.url ?? '/')
    if (path === null) {
      res.writeHead(400, { 'Content-Type': contentTypes['.txt'] })
      res.end(req.method === 'HEAD' ? undefined : 'Bad request: the address is not valid.')
      return
    }
    const file = await findFile(rootDir, path).catch(() => null)
    if (!file) {
      const notFound = join(rootDir, '404.html')
      res.writeHead(404, { 'Content-Type': contentTypes['.html'] })
      if (req.method === 'HEAD') return res.end()
      createReadStream(notFound)
        .on('error', () => res.end('Not found'))
        .pipe(res)
      return
    }
    const type = contentTypes[extname(file)] ?? 'application/octet-stream'
    const immutable = isInside(join(rootDir, '_astro'), file)
    const headers = {
      'Content-Type': type,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      Vary: 'Accept-Encoding',
    }
    // Text is sent gzipped, as static hosts do, so local figures match what learners get.
    const compressed = acceptsGzip(req) && isText(type) ? await gzipped(file) : null
    if (compressed) {
      res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip' })
      return res.end(req.method === 'HEAD' ? undefined : compressed)
    }
    res.writeHead(200, headers)
    if (req.method === 'HEAD') return res.end()
    createReadStream(file).pipe(res)
  })
  await new Promise((ok) => server.listen(port, host, ok))
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  return {
    url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${actualPort}`,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok())
        server.closeAllConnections()
      }),
  }
}

const gzipAsync = promisify(gzip)
/** Gzipped files by path and modification time, so each is compressed once. */
const gzipCache = new Map()

async function gzipped(file) {
  const { mtimeMs, size } = await stat(file)
  const key = `${file}:${mtimeMs}:${size}`
  let entry = gzipCache.get(key)
  if (!entry) {
    entry = readFile(file).then((body) => gzipAsync(body))
    gzipCache.set(key, entry)
  }
  return entry
}

function acceptsGzip(req) {
  return /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
}

function isText(type) {
  return /^(text\/|application\/(json|javascript)|image\/svg)/.test(type)
}

/** The request's decoded path, or `null` when its percent-encoding is malformed or has a NUL byte. */
function decodePath(url) {
  try {
    const path = decodeURIComponent(new URL(url, 'http://x').pathname)
    return path.includes('\0') ? null : path
  } catch {
    return null
  }
}

/** Whether `target` is `rootDir` or inside it (not merely a sibling whose name starts the same). */
function isInside(rootDir, target) {
  const rel = relative(rootDir, target)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
}

async function findFile(rootDir, path) {
  const target = join(rootDir, path)
  if (!isInside(rootDir, target)) return null
  for (const candidate of [target, join(target, 'index.html'), `${target}.html`]) {
    const info = await stat(candidate).catch(() => null)
    if (info?.isFile()) return candidate
  }
  return null
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 4321)
  const { url } = await startStaticServer({
    root: 'dist',
    port,
    host: process.env.HOST ?? '127.0.0.1',
  })
  console.log(`Signed In is being served at ${url} (cross-origin isolated). Press Ctrl+C to stop.`)
}
