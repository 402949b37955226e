import { CheckFailure, defineScenario, describeHops, type TestClient } from 'signed-in/checks'

const grace = { name: 'Grace', password: 'compiler-first' }

/** Follow redirects like a browser and print the chain; a loop prints the checks' own message. */
async function visit(client: TestClient, path: string): Promise<string> {
  try {
    return describeHops(await client.get(path, { followRedirects: true }))
  } catch (error) {
    if (error instanceof CheckFailure) return error.message
    throw error
  }
}

// One browser, following redirects as a real one does.
export default defineScenario([
  { label: 'A stranger opens /dashboard', run: (client) => visit(client, '/dashboard') },
  {
    label: 'Grace logs in on the page it sent her to',
    run: async (client) =>
      describeHops(
        await client.postForm('/login?next=%2Fdashboard', grace, { followRedirects: true }),
      ),
  },
  { label: 'Grace opens /dashboard/, with a slash', run: (client) => visit(client, '/dashboard/') },
  { label: 'Grace opens /reports', run: (client) => visit(client, '/reports') },
  { label: 'Grace opens /profile', run: (client) => visit(client, '/profile') },
])
