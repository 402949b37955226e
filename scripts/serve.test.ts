import { request } from 'node:http'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { gunzipSync } from 'node:zlib'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStaticServer } from './serve.mjs'

// A built site in dist/, with a sibling folder whose name also starts with "dist": a path check
// that only compares string prefixes would let `..%2f` reach it.
const base = mkdtempSync(join(tmpdir(), 'signed-in-serve-'))
mkdirSync(join(base, 'dist/_astro'), { recursive: true })
mkdirSync(join(base, 'dist/lessons/a'), { recursive: true })
mkdirSync(join(base, 'dist-secret'))
writeFileSync(join(base, 'dist/index.html'), '<h1>home</h1>')
writeFileSync(join(base, 'dist/404.html'), '<h1>not found</h1>')
writeFileSync(join(base, 'dist/lessons/a/index.html'), '<h1>lesson a</h1>')
writeFileSync(join(base, 'dist/_astro/app.js'), 'export {}')
writeFileSync(join(base, 'dist-secret/secret.txt'), 'secret')

let server: { url: string; close: () => Promise<void> }
let port: number

/** A raw GET: node:http sends the path exactly as given, without normalising it. */
function get(path: string, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      })
      req.on('error', reject)
      req.setTimeout(5000, () => req.destroy(new Error(`${method} ${path}: no answer within 5 s`)))
      req.end()
    },
  )
}

beforeAll(async () => {
  server = await startStaticServer({ root: join(base, 'dist'), port: 0 })
  port = Number(new URL(server.url).port)
})

afterAll(async () => {
  await server?.close()
  rmSync(base, { recursive: true, force: true })
})

/** A raw GET asking for gzip, with the body as bytes. */
function getGzip(path: string) {
  return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, headers: { 'Accept-Encoding': 'gzip, br' } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
      },
    )
    req.on('error', reject)
    req.end()
  })
}

describe('the npm start server', () => {
  it('sends text gzipped to browsers that accept it, as static hosts do', async () => {
    const script = await getGzip('/_astro/app.js')
    expect(script.headers['content-encoding']).toBe('gzip')
    expect(script.headers['vary']).toBe('Accept-Encoding')
    expect(gunzipSync(script.body).toString()).toBe('export {}')
    expect(script.headers['cross-origin-embedder-policy']).toBe('require-corp')
    const plain = await get('/_astro/app.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toBe('export {}')
  })

  it('serves pages with the isolation headers', async () => {
    const home = await get('/')
    expect(home.status).toBe(200)
    expect(home.body).toBe('<h1>home</h1>')
    expect(home.headers['cross-origin-opener-policy']).toBe('same-origin')
    expect(home.headers['cross-origin-embedder-policy']).toBe('require-corp')
    expect((await get('/lessons/a')).body).toBe('<h1>lesson a</h1>')
    expect((await get('/lessons/a/')).body).toBe('<h1>lesson a</h1>')
    expect((await get('/_astro/app.js')).headers['cache-control']).toContain('immutable')
    expect((await get('/lessons/a/')).headers['cache-control']).toBe('no-cache')
  })

  it('answers a malformed percent-encoding with 400 and keeps running', async () => {
    for (const path of ['/%E0%A4%A', '/%', '/lessons/%zz/', '/a%00b']) {
      const response = await get(path)
      expect(response.status, path).toBe(400)
      expect(response.body).toContain('Bad request')
    }
    expect((await get('/%E0%A4%A', 'HEAD')).status).toBe(400)
    expect((await get('/')).status).toBe(200)
  })

  it('never serves files outside its root, even from a sibling folder named like it', async () => {
    for (const path of [
      '/..%2fdist-secret/secret.txt',
      '/..%2Fdist-secret%2Fsecret.txt',
      '/%2e%2e%2fdist-secret/secret.txt',
      '/../dist-secret/secret.txt',
      '/lessons/..%2f..%2f..%2fdist-secret/secret.txt',
    ]) {
      const response = await get(path)
      expect(response.status, path).toBe(404)
      expect(response.body, path).not.toContain('secret')
    }
  })

  it('answers unknown paths with the 404 page, and other methods with 405', async () => {
    const missing = await get('/nope/')
    expect(missing.status).toBe(404)
    expect(missing.body).toBe('<h1>not found</h1>')
    expect((await get('/', 'POST')).status).toBe(405)
  })
})
