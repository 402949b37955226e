import { expect, newClient, test } from 'signed-in/testing'

// Ada's password is in users.ts.
const ada = { username: 'Ada', password: 'analytical-engine' }

test('the right password logs Ada in', async () => {
  const browser = newClient()
  const login = await browser.postForm('/login', ada)
  expect(login.status).toBe(302)
  expect(login.location).toBe('/dashboard')
  const dashboard = await browser.get('/dashboard')
  expect(dashboard.status).toBe(200)
  expect(dashboard.body).toContain('Welcome back, Ada')
})

test('a wrong password is refused', async () => {
  const browser = newClient()
  const response = await browser.postForm('/login', { username: 'Ada', password: 'not-hers' })
  expect(response.status).toBe(401)
  expect(browser.cookie('remember_token')).toBeUndefined()
})

test('a stranger is sent to the login page', async () => {
  const response = await newClient().get('/dashboard')
  expect(response.status).toBe(302)
  expect(response.location).toMatch(/^\/login\?next=/)
})

test('logout ends the login', async () => {
  const browser = newClient()
  await browser.postForm('/login', ada)
  await browser.postForm('/logout', {})
  const response = await browser.get('/dashboard')
  expect(response.status).toBe(302)
})

test('Remember me sets a remember cookie, and logout clears it', async () => {
  const browser = newClient()
  await browser.postForm('/login', { ...ada, remember: 'on' })
  expect(browser.cookie('remember_token')).toBeDefined()
  await browser.postForm('/logout', {})
  expect(browser.cookie('remember_token')).toBeUndefined()
})

test('without Remember me there is no remember cookie', async () => {
  const browser = newClient()
  await browser.postForm('/login', ada)
  expect(browser.cookie('session')).toBeDefined()
  expect(browser.cookie('remember_token')).toBeUndefined()
})

test('next brings the visitor back to the page they asked for', async () => {
  const response = await newClient().postForm('/login?next=%2Fsettings', ada)
  expect(response.location).toBe('/settings')
})

test('next never leads to another site', async () => {
  const response = await newClient().postForm('/login?next=https%3A%2F%2Fevil.test%2F', ada)
  expect(response.location).toBe('/dashboard')
})

test('a login form posted from another site is refused', async () => {
  const evil = newClient().fromSite('https://evil.test')
  const response = await evil.submitForm('/login', ada)
  expect(response.status).toBe(403)
})
