import type { Context } from 'hono'
import { html, raw } from 'hono/html'
import type { User } from './db'

type Html = ReturnType<typeof html>

/** The navigation bar: what a stranger, a member and an admin can do from here. */
function nav(user: User | null): Html {
  // Step 4: a stranger gets links to /login and /signup; a member gets "Signed in as <name>",
  // a link to /profile and a form that POSTs to /logout. (Step 6: an admin also gets /admin.)
  return html`<nav><a href="/">Home</a></nav>`
}

/** The flashed messages, each shown once, with its category as a class. */
function flashes(c: Context): Html {
  // Step 2: read the flashed messages (with their categories) and show each in a list item.
  return html``
}

/** Every page: the same head, navigation and flashed messages around its own content. */
export function layout(c: Context, user: User | null, title: string, body: Html): Html {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>${title} · Members</title>
      </head>
      <body>
        <header>${nav(user)}</header>
        ${flashes(c)}
        <main><h1>${title}</h1>${body}</main>
      </body>
    </html>`
}

const problem = (text: string | undefined) => (text ? html`<p role="alert">${text}</p>` : '')

export const homePage = (user: User | null) =>
  user ? html`<p>Hello, ${user.name}.</p>` : html`<p>Sign up or log in to see your profile.</p>`

export const signupPage = (error?: string) => html`${problem(error)}
  <form method="post" action="/signup">
    <label>Email <input name="email" type="email" autocomplete="username" required /></label>
    <label>Name <input name="name" required /></label>
    <label>Password <input name="password" type="password" autocomplete="new-password" minlength="15" required /></label>
    <button>Sign up</button>
  </form>`

export const loginPage = (next: string | undefined, error?: string) => html`${problem(error)}
  <form method="post" action="/login${next ? `?next=${encodeURIComponent(next)}` : ''}">
    <label>Email <input name="email" type="email" autocomplete="username" required /></label>
    <label>Password <input name="password" type="password" autocomplete="current-password" required /></label>
    <button>Log in</button>
  </form>`

// Step 3: raw() puts the name into the page as markup. Who chooses the name?
export const profilePage = (user: User) => html`${raw(`<p>${user.name}, signed in as ${user.email}.</p>`)}
  <form method="post" action="/profile">
    <label>Name <input name="name" required /></label>
    <button>Save</button>
  </form>`

export const adminPage = (users: User[]) => html`<table>
    <tr><th>Name</th><th>Email</th><th>Role</th></tr>
    ${users.map((user) => html`<tr><td>${user.name}</td><td>${user.email}</td><td>${user.role}</td></tr>`)}
  </table>`

export const forbiddenPage = (role: string) =>
  html`<p>This page needs the ${role} role, and your account does not have it.</p>`
