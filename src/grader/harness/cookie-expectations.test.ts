import { Hono } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { describe, expect, it } from 'vitest'
import { CheckFailure } from './checks'
import { createClient } from './client'
import {
  expectCookieDeleted,
  expectCookieNotSent,
  expectCookieRejected,
  expectCookieSent,
  expectCookieStored,
} from './cookie-expectations'

function client(origin: string) {
  const app = new Hono()
  app.post('/login', (c) => {
    setCookie(c, 'session', 'ada', { path: '/', httpOnly: true, secure: true, sameSite: 'Lax' })
    return c.text('in')
  })
  app.post('/logout', (c) => {
    deleteCookie(c, 'session', { path: '/', secure: true })
    return c.text('out')
  })
  app.get('/', (c) => c.text('home'))
  return createClient(async (path, init) => app.request(path, init), [], 'test', 1, { origin })
}

/** The failure's message and hint, or undefined when the expectation passed. */
function failure(run: () => void) {
  try {
    run()
  } catch (error) {
    if (error instanceof CheckFailure) return { message: error.message, hint: error.hint }
    throw error
  }
  return undefined
}

describe('cookie expectations', () => {
  it('expectCookieRejected passes on a refusal and quotes the jar when the cookie was stored', async () => {
    const http = client('http://app.test')
    const refused = await http.postForm('/login', {})
    expect(failure(() => expectCookieRejected(refused, 'session'))).toBeUndefined()
    expect(failure(() => expectCookieRejected(http, 'session'))).toBeUndefined()
    const https = client('https://app.test')
    const stored = await https.postForm('/login', {})
    expect(failure(() => expectCookieRejected(stored, 'session', 'Mark it Secure.'))).toEqual({
      message:
        'Expected the browser to refuse the "session" cookie on this request, but the browser says: "Stored: for app.test only, Path=/, Secure, HttpOnly, SameSite=Lax, until the browser closes".',
      hint: 'Mark it Secure.',
    })
    expect(failure(() => expectCookieRejected(https, 'other'))?.message).toBe(
      'Expected the browser to refuse the "other" cookie in this browser, but the app never set it.',
    )
  })

  it('expectCookieStored passes on a store and quotes the refusal otherwise', async () => {
    const https = client('https://app.test')
    expect(failure(() => expectCookieStored(https, 'session'))?.message).toBe(
      'Expected the browser to store the "session" cookie in this browser, but the app never set it.',
    )
    const stored = await https.postForm('/login', {})
    expect(failure(() => expectCookieStored(stored, 'session'))).toBeUndefined()
    const http = client('http://app.test')
    expect(failure(() => expectCookieStored(http, 'session'))).toBeDefined()
    await http.postForm('/login', {})
    expect(failure(() => expectCookieStored(http, 'session'))?.message).toBe(
      'Expected the browser to store the "session" cookie in this browser, but the browser says: "Rejected: Secure cookie set over plain http (only https, or http://localhost, may set one)".',
    )
  })

  it('expectCookieDeleted passes on Max-Age=0 and fails when the cookie was left alone', async () => {
    const https = client('https://app.test')
    await https.postForm('/login', {})
    expect(failure(() => expectCookieDeleted(https, 'session'))?.message).toBe(
      'Expected the app to delete the "session" cookie in this browser, but the browser says: "Stored: for app.test only, Path=/, Secure, HttpOnly, SameSite=Lax, until the browser closes".',
    )
    const out = await https.postForm('/logout', {})
    expect(failure(() => expectCookieDeleted(out, 'session'))).toBeUndefined()
    expect(https.cookie('session')).toBeUndefined()
  })

  it('expectCookieSent and expectCookieNotSent quote the reason the jar gave', async () => {
    const https = client('https://app.test')
    await https.postForm('/login', {})
    const own = await https.get('/')
    const crossPost = await https.fromSite('https://evil.test').submitForm('/', {})
    expect(failure(() => expectCookieSent(own, 'session'))).toBeUndefined()
    expect(failure(() => expectCookieNotSent(crossPost, 'session'))).toBeUndefined()
    expect(failure(() => expectCookieSent(crossPost, 'session', 'hint'))).toEqual({
      message:
        'Expected the browser to send the "session" cookie on this request, but the browser says: "Not sent: SameSite=Lax and this request is a POST from another site (https://evil.test), not a top-level GET".',
      hint: 'hint',
    })
    expect(failure(() => expectCookieNotSent(own, 'session'))?.message).toBe(
      'Expected the browser to keep the "session" cookie back on this request, but the browser says: "Sent: the request came from the same origin".',
    )
    expect(failure(() => expectCookieSent(own, 'missing'))?.message).toBe(
      'Expected the browser to send the "missing" cookie on this request, but it holds no such cookie for this address.',
    )
  })
})
