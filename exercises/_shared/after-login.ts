// The checks the lesson-9 missions share ("404s and redirect loops after login"). Each mission is
// the same small site with a different bug, so each is graded on the same seven journeys. The
// checks browse the way a person does: they follow redirects, click the home page's "Log in" link
// and submit the form the login page shows, so a wrong link, form action or redirect shows up
// exactly where it would in a browser, with the chain of requests that led there.
import {
  CheckFailure,
  describeHops,
  expectBodyIncludes,
  expectStatus,
  type Check,
  type ClientResponse,
  type TestClient,
} from 'signed-in/checks'

/** The two accounts of every lesson-9 mission: Ada is an admin, Grace a member. */
export const ada = { name: 'Ada', password: 'analytical-engine' }
export const grace = { name: 'Grace', password: 'compiler-first' }

const reasons: Record<number, string> = {
  404: '404 Not Found: no route in the app matches that last request',
  500: '500 Internal Server Error: the code behind that last request threw',
}

/** Fail unless the browser ended on a page (200), saying which request went wrong. */
export function expectLanded(response: ClientResponse, journey: string): void {
  if (response.status === 200) return
  throw new CheckFailure(
    `${journey}, the browser went ${describeHops(response)}. It should end on a page (200), not ${reasons[response.status] ?? `status ${response.status}`}.`,
    response.status === 404
      ? 'Compare the path of the request that got 404 with the paths the app registers, character by character, prefix included.'
      : 'Read the last request in the chain, and what its route does for this visitor.',
  )
}

/** Where a link or form on the page leads, as a path on the app (a browser resolves it the same way). */
function resolveOn(page: ClientResponse, client: TestClient, target: string): string {
  const here = new URL(page.hops.at(-1)?.path ?? '/', client.origin)
  const url = new URL(decodeEntities(target), here)
  return `${url.pathname}${url.search}`
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

/** The home page's "Log in" link, followed. */
async function openLoginFromHome(client: TestClient): Promise<ClientResponse> {
  const home = await client.get('/', { followRedirects: true })
  expectLanded(home, 'Opening the home page')
  const link = /<a\s[^>]*href="([^"]*)"[^>]*>\s*Log in\s*</i.exec(home.body)?.[1]
  if (link === undefined)
    throw new CheckFailure(
      `The home page has no "Log in" link for a stranger. It answered: ${home.body.slice(0, 200)}`,
    )
  const page = await client.get(resolveOn(home, client, link), { followRedirects: true })
  expectLanded(page, `Following the home page's "Log in" link (${link})`)
  return page
}

/** Submit the login form on `page` as a browser would: its action, its hidden fields, and `fields`. */
export async function submitLogin(
  client: TestClient,
  page: ClientResponse,
  fields: Record<string, string>,
  options: { followRedirects: boolean },
): Promise<ClientResponse> {
  const form = /<form\s[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/i.exec(page.body)
  if (!form)
    throw new CheckFailure(
      `The login page has no <form method="post">. It answered: ${page.body.slice(0, 200)}`,
    )
  const action = /\saction="([^"]*)"/i.exec(form[0].slice(0, form[0].indexOf('>')))?.[1] ?? ''
  const hidden: Record<string, string> = {}
  for (const input of (form[1] ?? '').matchAll(/<input\s[^>]*type="hidden"[^>]*>/gi)) {
    const name = /\sname="([^"]*)"/i.exec(input[0])?.[1]
    if (name) hidden[name] = decodeEntities(/\svalue="([^"]*)"/i.exec(input[0])?.[1] ?? '')
  }
  return client.postForm(resolveOn(page, client, action), { ...hidden, ...fields }, options)
}

/** Log in from the home page and land where the app sends you. */
async function logInFromHome(client: TestClient, who: typeof ada): Promise<ClientResponse> {
  const page = await openLoginFromHome(client)
  return submitLogin(client, page, who, { followRedirects: true })
}

/** Open /dashboard as a stranger, get sent to the login page, log in there as Ada, and land. */
async function logInFromDashboard(client: TestClient): Promise<ClientResponse> {
  const page = await client.get('/dashboard', { followRedirects: true })
  expectLanded(page, 'Opening /dashboard as a stranger, to be sent to the login page')
  const response = await submitLogin(client, page, ada, { followRedirects: true })
  expectLanded(response, 'After Ada submitted the login form that /dashboard sent her to')
  return response
}

/** The dashboard's "Log out" button, pressed. */
async function logOut(client: TestClient): Promise<ClientResponse> {
  const dashboard = await client.get('/dashboard')
  expectStatus(
    dashboard,
    200,
    'Only a logged-in browser sees the dashboard and its Log out button.',
  )
  const action = /<form\s[^>]*action="([^"]*)"[^>]*>[\s\S]*?Log out/i.exec(dashboard.body)?.[1]
  if (action === undefined) throw new CheckFailure('The dashboard has no "Log out" button.')
  return client.postForm(resolveOn(dashboard, client, action), {}, { followRedirects: true })
}

/**
 * The seven checks of a lesson-9 mission.
 *
 * @returns the checks, for `defineChecks`
 * @example
 * export default defineChecks(afterLoginChecks())
 */
export function afterLoginChecks(): Check[] {
  return [
    {
      name: 'A stranger can open the home page, which has a "Log in" link',
      async run({ client }) {
        const home = await client.get('/', { followRedirects: true })
        expectLanded(home, 'Opening the home page')
        expectBodyIncludes(home, 'Log in')
      },
    },
    {
      name: 'A wrong password is refused with 401',
      async run({ client }) {
        const page = await openLoginFromHome(client)
        const response = await submitLogin(
          client,
          page,
          { ...ada, password: 'guess' },
          { followRedirects: false },
        )
        if (response.status !== 401)
          throw new CheckFailure(
            `Submitting the login form with a wrong password went ${describeHops(response)}, but it should be refused with 401.`,
            response.status === 404
              ? 'The form was sent to a path no route answers. Where does the form send it, and where is the login route really?'
              : undefined,
          )
      },
    },
    {
      name: 'Ada logs in from the home page and lands on her dashboard',
      async run({ client }) {
        const response = await logInFromHome(client, ada)
        expectLanded(response, 'After Ada submitted the login form')
        expectBodyIncludes(response, 'Welcome back, Ada!')
      },
    },
    {
      name: 'Grace logs in from the home page and lands on her dashboard',
      async run({ client }) {
        const response = await logInFromHome(client, grace)
        expectLanded(response, 'After Grace submitted the login form')
        expectBodyIncludes(response, 'Welcome back, Grace!')
      },
    },
    {
      name: 'A stranger who opens /dashboard logs in and is taken back to it',
      async run({ client }) {
        expectBodyIncludes(await logInFromDashboard(client), 'Welcome back, Ada!')
      },
    },
    {
      name: 'Once Ada is logged in, the home page greets her by name',
      async run({ client }) {
        await logInFromDashboard(client)
        const home = await client.get('/', { followRedirects: true })
        expectLanded(home, 'Opening the home page after logging in')
        expectBodyIncludes(home, 'Hello, Ada')
      },
    },
    {
      name: 'Logging out from the dashboard lands on the home page, logged out',
      async run({ client }) {
        await logInFromDashboard(client)
        const response = await logOut(client)
        expectLanded(response, 'After pressing Log out')
        expectBodyIncludes(response, 'Log in')
        expectStatus(
          await client.get('/dashboard'),
          302,
          'After logging out, /dashboard should send the browser to the login page again.',
        )
      },
    },
  ]
}
