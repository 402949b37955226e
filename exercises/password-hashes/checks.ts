import { defineScenario, type TestClient } from 'signed-in/checks'

// Two hashes made by Werkzeug 3.1.8, the library Flask apps use, one of each kind. Both at a low cost
// (1,000 PBKDF2 rounds; scrypt N=1024) so the example runs fast; the cost is part of the string.
const WERKZEUG_PBKDF2 =
  'pbkdf2:sha256:1000$JiAbuJIiXCtD1eJi$7701c5f169ebe231c898533b661a4a15352680ca2af289bcd843640d85bfd79f'
const WERKZEUG_SCRYPT =
  'scrypt:1024:8:1$dZTy380w5O0WQ7Fg$1f5482a7950782c2bbcab8dc3f2c1194a42713eb352f95dfcc4fa7402816a3df7802e96420f8d2dfae4f2e60065b59fbf7cf1571647284e81d024eb7b39d061b'

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
