import { html } from 'hono/html'

/** GET /login: any flashed messages, then the form, which carries `next` in a hidden field. */
export function loginPage(messages: string[], next: string) {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <title>Log in</title>
      </head>
      <body style="font: 16px/1.5 system-ui, sans-serif; max-width: 32rem; margin: 2rem auto">
        ${messages.map((message) => html`<p role="status">${message}</p>`)}
        <h1>Log in</h1>
        <form method="post" action="/login">
          <input type="hidden" name="next" value="${next}" />
          <p>
            <label>Username <input name="username" autocomplete="username" required /></label>
          </p>
          <p>
            <label
              >Password
              <input name="password" type="password" autocomplete="current-password" required
            /></label>
          </p>
          <p><button>Log in</button></p>
        </form>
        <p>Try ada with the password analytical-engine.</p>
      </body>
    </html>`
}
