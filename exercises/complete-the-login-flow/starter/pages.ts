import type { Context } from 'hono'
import { html } from 'hono/html'
import { currentUser } from 'signed-in/login-manager'
import { User } from './users'

// The two HTML pages a person clicks through in the live preview. The checks never read them.

const layout = (title: string, body: ReturnType<typeof html>) =>
  html`<!doctype html>
    <html lang="en">
      <head>
        <title>${title}</title>
      </head>
      <body style="font: 16px/1.5 system-ui, sans-serif; max-width: 32rem; margin: 2rem auto">
        ${body}
      </body>
    </html>`

/** GET /: who is signed in, and where to go from here. */
export async function homePage(c: Context) {
  const user = await currentUser(c)
  const status =
    user instanceof User
      ? html`<p>Signed in as ${user.name}.</p>
          <form method="post" action="/logout"><button>Log out</button></form>`
      : html`<p>Nobody is signed in.</p>`
  return layout(
    'Home',
    html`<h1>Home</h1>
      ${status}
      <ul>
        <li><a href="/login">Log in</a></li>
        <li><a href="/dashboard">Dashboard</a> (members only)</li>
      </ul>`,
  )
}

/** GET /login: the form that posts to /login. */
export function loginPage() {
  return layout(
    'Log in',
    html`<h1>Log in</h1>
      <form method="post" action="/login">
        <p>
          <label>Username <input name="username" autocomplete="username" required /></label>
        </p>
        <p>
          <label
            >Password
            <input name="password" type="password" autocomplete="current-password" required
          /></label>
        </p>
        <p>
          <label><input name="remember" type="checkbox" /> Remember me</label>
        </p>
        <p><button>Log in</button></p>
      </form>
      <p>Try ada with the password analytical-engine.</p>
      <p><a href="/">Home</a></p>`,
  )
}
