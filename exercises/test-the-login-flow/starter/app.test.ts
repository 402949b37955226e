import { expect, newClient, test } from 'signed-in/testing'

// Ada's password is in users.ts.
const ada = { username: 'Ada', password: 'analytical-engine' }

// A finished test, to copy from: a fresh browser per test, a request, then what must be true.
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
  expect(response.status).toBe(___)
})

test('a stranger is sent to the login page', async () => {
  const response = await newClient().get('/dashboard')
  expect(response.status).toBe(___)
})

// Now add your own tests until the verdict shows every mutant caught: logout, Remember me,
// `next` (a page on this site, and another site), and a form posted from another site.
