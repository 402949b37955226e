import { Hono } from 'hono'
import { getSignedCookie, setSignedCookie } from 'hono/cookie'
import { describe, expect, it } from 'vitest'
import { encodeRememberCookie } from '../login-manager/index'
import { decodeSessionCookie, encodeSessionCookie } from '../login-manager/index'
import { courseModules } from '../grader/builtin-modules'
import {
  decodeCookie,
  decodeSignedCookie,
  readTamperingProbe,
  tamperingProbe,
  tamperWith,
} from './cookie-decoder'
import { loadExercise } from '../course/exercise-files'
import { runInNode } from '../course/node-runtime'
import { runExercise } from '../grader/run-exercise'
import { requestFor } from '../grader/run-request'

const secret = 'inspector-test-secret-inspector-test'

describe('cookie decoder', () => {
  it('reads a session cookie, and its tampered copy is rejected by the real decoder', async () => {
    const value = await encodeSessionCookie({ _user_id: '1', _fresh: true }, secret)
    const decoded = decodeCookie(value)
    expect(decoded).toMatchObject({ kind: 'session', payload: '{"_user_id":"1","_fresh":true}' })
    const { forged, explanation } = tamperWith(decoded)
    expect(decodeCookie(forged)).toMatchObject({
      kind: 'session',
      payload: '{"_user_id":"2","_fresh":true}',
    })
    expect(await decodeSessionCookie(forged, secret)).toBeNull()
    expect(explanation).toContain('nobody is logged in')
  })
  it('reads a remember cookie, URL-encoded or not', async () => {
    const value = await encodeRememberCookie('1', secret)
    expect(decodeCookie(encodeURIComponent(value))).toMatchObject({ kind: 'remember', id: '1' })
    expect(tamperWith(decodeCookie(value)).forged.startsWith('2|')).toBe(true)
  })
  it('says when it cannot read a cookie', () => {
    expect(decodeCookie('plain')).toEqual({ kind: 'other', value: 'plain' })
  })
  it('tells the signed times of a session cookie from its signature', async () => {
    const value = await encodeSessionCookie({ _user_id: '1' }, secret, {
      created: 1796309000,
      issued: 1796309569,
    })
    expect(decodeCookie(value)).toEqual({
      kind: 'session',
      payload: '{"_user_id":"1"}',
      times: { created: 1796309000, issued: 1796309569 },
      signature: value.split('.')[3],
    })
  })
  it('reads a hono/cookie signed cookie as value and signature, and its tampered copy is refused', async () => {
    const app = new Hono()
    app.get('/set', async (c) => {
      await setSignedCookie(c, 'user', 'ada', secret)
      return c.text('ok')
    })
    app.get('/read', async (c) => c.text(String(await getSignedCookie(c, secret, 'user'))))
    const header = (await app.request('/set')).headers.get('Set-Cookie') ?? ''
    const value = header.slice('user='.length).split(';')[0] ?? ''
    expect(value).toMatch(/^ada\.[\w%]+%3D$/)
    const decoded = decodeCookie(value)
    expect(decoded).toEqual({
      kind: 'signed',
      value: 'ada',
      signature: decodeURIComponent(value).slice('ada.'.length),
    })
    const read = async (cookie: string) =>
      (await app.request('/read', { headers: { Cookie: `user=${cookie}` } })).text()
    expect(await read(value)).toBe('ada')
    const { forged, explanation } = tamperWith(decoded)
    expect(decodeCookie(forged)).toMatchObject({ kind: 'signed', value: 'admin' })
    expect(await read(encodeURIComponent(forged))).toBe('false')
    expect(explanation).toContain('false')
  })
  it('explains a real session cookie in one call, and the forged copy does not verify', async () => {
    const value = await encodeSessionCookie({ _user_id: '7' }, secret)
    const explained = decodeSignedCookie(encodeURIComponent(value))
    expect(explained).toMatchObject({
      kind: 'session',
      readable: '{"_user_id":"7"}',
      signature: value.split('.')[3],
    })
    expect(await decodeSessionCookie(value, secret)).toEqual({ _user_id: '7' })
    expect(await decodeSessionCookie(explained.tampered.forged, secret)).toBeNull()
  })
  it('explains a remember cookie and a cookie it cannot read', async () => {
    const value = await encodeRememberCookie('42', secret)
    expect(decodeSignedCookie(value)).toMatchObject({
      kind: 'remember',
      readable: '42',
      signature: value.split('|')[1],
    })
    expect(decodeSignedCookie('theme=dark')).toMatchObject({ kind: 'other', signature: '' })
  })
})

describe('tamperingProbe: what the learner app does with a forged cookie', () => {
  const bundle = loadExercise('complete-the-login-flow')
  const run = (checks: string) =>
    runExercise({ ...requestFor(bundle, bundle.solution), checks }, courseModules)

  it.each(['session', 'remember_token'])(
    'replays a GET that carried the %s cookie: the real one is let in, the forged one is not',
    async (name) => {
      const verdict = await runInNode(bundle, bundle.solution)
      // A value some GET sent back: the signed times make each login's cookie differ once a
      // second has passed, so the first one set is not always one a later GET carried.
      const sentByGets = verdict.timeline
        .filter((entry) => entry.method === 'GET')
        .flatMap((entry) => entry.cookieSent.split('; '))
      const value = verdict.timeline
        .flatMap((entry) => entry.setCookie)
        .map((header) => header.split(';')[0] ?? '')
        .find(
          (pair) =>
            pair.startsWith(`${name}=`) &&
            pair.length > name.length + 1 &&
            sentByGets.includes(pair),
        )
        ?.slice(name.length + 1)
      expect(value).toBeTruthy()
      const forged = tamperWith(decodeCookie(value ?? '')).forged
      const probe = tamperingProbe(verdict.timeline, name, value ?? '', forged)
      expect(probe).toMatchObject({ method: 'GET', path: '/dashboard' })
      const [real, tampered] = readTamperingProbe(await run(probe?.checks ?? ''))
      expect(real).toEqual({ status: 200, location: null, body: 'Welcome back, Ada!' })
      expect(tampered?.status).toBe(401)
    },
  )

  it('shows an app that trusts an unsigned cookie taking the forged one', async () => {
    const trusting = `import { Hono } from 'hono'
import { getCookie } from 'hono/cookie'
const app = new Hono()
app.get('/me', (c) => c.text('You are user ' + (getCookie(c, 'session') ?? 'nobody').split('.')[0]))
export default app`
    const timeline = [
      {
        check: 'x',
        browser: 1,
        method: 'GET',
        path: '/me',
        status: 200,
        setCookie: [],
        cookieSent: 'session=abc.sig',
        bodySnippet: '',
      },
    ]
    const probe = tamperingProbe(timeline, 'session', 'abc.sig', 'xyz.sig')
    const verdict = await runExercise(
      {
        files: { 'app.ts': trusting },
        editable: [],
        checks: probe?.checks ?? '',
        entry: 'app.ts',
      },
      courseModules,
    )
    expect(readTamperingProbe(verdict).map((answer) => answer.body)).toEqual([
      'You are user abc',
      'You are user xyz',
    ])
  })

  it('replays a request from a client on another origin at that origin', async () => {
    const echo = `import { Hono } from 'hono'
const app = new Hono()
app.get('/me', (c) => c.text(c.req.url + ' ' + c.req.header('Cookie')))
export default app`
    const entry = {
      check: 'x',
      browser: 1,
      method: 'GET',
      path: 'https://app.test/me?x=1',
      status: 200,
      setCookie: [],
      cookieSent: 'session=abc.sig',
      bodySnippet: '',
    }
    const probe = tamperingProbe([entry], 'session', 'abc.sig', 'xyz.sig')
    const verdict = await runExercise(
      { files: { 'app.ts': echo }, editable: [], checks: probe?.checks ?? '', entry: 'app.ts' },
      courseModules,
    )
    expect(readTamperingProbe(verdict).map((answer) => answer.body)).toEqual([
      'https://app.test/me?x=1 session=abc.sig',
      'https://app.test/me?x=1 session=xyz.sig',
    ])
  })

  it('has nothing to replay for a cookie no GET sent back', () => {
    expect(tamperingProbe([], 'session', 'a', 'b')).toBeNull()
  })
})
