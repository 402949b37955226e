import { defineScenario, type TestClient } from 'signed-in/checks'

// Two hashes made by Werkzeug 3.1, the library Flask apps use: one pbkdf2, one scrypt.
const WERKZEUG_PBKDF2 =
  'pbkdf2:sha256:600000$Z5r1Kd3uQm2pX9wA$feb8ddceb7ea4175653794c11d0ac613c9197334ca359d22201db71da2c4bb31'
const WERKZEUG_SCRYPT =
  'scrypt:32768:8:1$aVeryFixedSalt16$cc922c92ca90207bdad552692e2e5a9f3e08e8e5507c170879d6ae65c568a724af6a802c2a1c540c41f126bc9063b95e495a8f7f1a09a688f8638cddd779dbc7'

const check = async (client: TestClient, form: Record<string, string>) =>
  (await client.postForm('/check', form)).body

export default defineScenario([
  {
    label: 'Hash "analytical-engine", and show the parts of the stored string',
    run: async (client) =>
      (await client.postForm('/hash', { label: 'first', password: 'analytical-engine' })).body,
  },
  {
    label: 'Hash the same password again, and compare the two stored strings',
    run: async (client) => {
      await client.postForm('/hash', { label: 'second', password: 'analytical-engine' })
      return (await client.get('/compare?a=first&b=second')).body
    },
  },
  {
    label: 'Check the right password, then a wrong one, against the first hash',
    run: async (client) =>
      `right: ${await check(client, { label: 'first', password: 'analytical-engine' })}, wrong: ${await check(client, { label: 'first', password: 'analytical-engines' })}`,
  },
  {
    label: "Check passwords against two of Werkzeug's hashes",
    run: async (client) =>
      `Werkzeug pbkdf2: ${await check(client, { hash: WERKZEUG_PBKDF2, password: 'hunter2' })}, Werkzeug scrypt: ${await check(client, { hash: WERKZEUG_SCRYPT, password: 'correct horse' })}`,
  },
  {
    label: 'Check a password against a hash that is not a hash',
    run: async (client) =>
      `garbage: ${await check(client, { hash: 'md5$oops', password: 'hunter2' })}`,
  },
])
