// node:crypto is used here only, as an implementation independent of ours (Werkzeug itself calls
// OpenSSL's scrypt through hashlib); the library never imports it.
import { scryptSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { toHex, utf8 } from './encoding'
import { checkPasswordHash, generatePasswordHash, generateSalt } from './password'
import { scrypt } from './scrypt'

// Vectors made with Werkzeug 3.1.8 (see facts.md).
const werkzeugScrypt =
  'scrypt:32768:8:1$aVeryFixedSalt16$cc922c92ca90207bdad552692e2e5a9f3e08e8e5507c170879d6ae65c568a724af6a802c2a1c540c41f126bc9063b95e495a8f7f1a09a688f8638cddd779dbc7'
const werkzeugPbkdf2 =
  'pbkdf2:sha256:600000$Z5r1Kd3uQm2pX9wA$feb8ddceb7ea4175653794c11d0ac613c9197334ca359d22201db71da2c4bb31'

describe('Werkzeug compatibility', () => {
  it('verifies a Werkzeug scrypt hash', async () => {
    expect(await checkPasswordHash(werkzeugScrypt, 'correct horse')).toBe(true)
    expect(await checkPasswordHash(werkzeugScrypt, 'correct horsf')).toBe(false)
  })

  it('verifies a Werkzeug pbkdf2 hash', async () => {
    expect(await checkPasswordHash(werkzeugPbkdf2, 'hunter2')).toBe(true)
    expect(await checkPasswordHash(werkzeugPbkdf2, 'Hunter2')).toBe(false)
  })

  it('makes the default hash in the format Werkzeug reads, checked against Web Crypto directly', async () => {
    const hash = await generatePasswordHash('hunter2')
    const [method, salt, hex] = hash.split('$')
    expect(method).toBe('pbkdf2:sha256:600000')
    expect(salt).toMatch(/^[A-Za-z0-9]{16}$/)
    const key = await crypto.subtle.importKey('raw', utf8('hunter2'), 'PBKDF2', false, [
      'deriveBits',
    ])
    const bits = await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: utf8(salt ?? ''), iterations: 600_000 },
      key,
      256,
    )
    expect(hex).toBe(toHex(new Uint8Array(bits)))
  })

  it('makes scrypt hashes that reproduce the Werkzeug vector with the same salt', async () => {
    const derived = toHex(
      await scrypt(utf8('correct horse'), utf8('aVeryFixedSalt16'), 32768, 8, 1, 64),
    )
    expect(`scrypt:32768:8:1$aVeryFixedSalt16$${derived}`).toBe(werkzeugScrypt)
    const hash = await generatePasswordHash('pw', { method: 'scrypt:1024:8:1', saltLength: 8 })
    expect(hash).toMatch(/^scrypt:1024:8:1\$[A-Za-z0-9]{8}\$[0-9a-f]{128}$/)
    expect(await checkPasswordHash(hash, 'pw')).toBe(true)
  })

  it('makes default scrypt hashes (scrypt:32768:8:1, dklen 64) that an independent scrypt verifies', async () => {
    const hash = await generatePasswordHash('correct horse', { method: 'scrypt' })
    const [method, salt = '', hex] = hash.split('$')
    expect(method).toBe('scrypt:32768:8:1')
    expect(salt).toMatch(/^[A-Za-z0-9]{16}$/)
    const independent = scryptSync('correct horse', salt, 64, {
      N: 32768,
      r: 8,
      p: 1,
      maxmem: 132 * 32768 * 8,
    })
    expect(hex).toBe(independent.toString('hex'))
    expect(await checkPasswordHash(hash, 'correct horse')).toBe(true)
  })

  it('makes pbkdf2:sha256:<n> hashes with any iteration count, verified with Web Crypto directly', async () => {
    const hash = await generatePasswordHash('pässwörd', {
      method: 'pbkdf2:sha256:1000',
      saltLength: 24,
    })
    const [method, salt = '', hex] = hash.split('$')
    expect(method).toBe('pbkdf2:sha256:1000')
    expect(salt).toMatch(/^[A-Za-z0-9]{24}$/)
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode('pässwörd'),
      'PBKDF2',
      false,
      ['deriveBits'],
    )
    const bits = await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: new TextEncoder().encode(salt), iterations: 1000 },
      key,
      256,
    )
    expect(hex).toBe(toHex(new Uint8Array(bits)))
  })

  it('matches the RFC 7914 scrypt test vector', async () => {
    const key = await scrypt(utf8('password'), utf8('NaCl'), 1024, 8, 16, 64)
    expect(toHex(key)).toBe(
      'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640',
    )
  })
})

// Made with Werkzeug 3.1.8 on this machine (generate_password_hash('pä$s wörd ✓', method=…)):
// other methods and parameters, and a non-ASCII password with a `$` in it.
const werkzeugMore = [
  'pbkdf2:sha256:1000$mCfJbaEhsMXlcuNE$6da8da6c68a7e8dec2087f29e985e40b7f36ecf435a3f5ade8b0f2e9374aa547',
  'pbkdf2:sha512:1000$RbhyF5THtNisxTfP$c4781e39652f53127a13e37a777086b78d31478172c40709db898af9294429f42a5320fd2319949371002dd1c6cd9c34ae0dd9e8acd97d7495edb2dc7dca8b7c',
  'scrypt:1024:8:1$L56RWUc59URo3KO7$ceeb417c06c77c534de618f3e49db9a899235754f0943db2f5983f36906c107ab7d88c6361b9dedeafc9f4aba07f71d696862332c8b4cf5c5a6cb176599f784d',
  'scrypt:16384:8:2$zVbQNsZpSaW7CGB2$79daa83e42a2b6dfe906d894ed7defbe788474d0dbef1c64a5b8d48e342027c965308aafa3b89e3130a5214d20be994a1669960f1c77865ea7a513c372c4bb2f',
]

// Made by this library, then checked with Werkzeug 3.1.8's check_password_hash (True for the
// password, False for the password + 'x'). Kept so a change to the format cannot go unnoticed.
const acceptedByWerkzeug = [
  'scrypt:1024:8:1$23mIplYlS2m5x9rH$b66c38d3832dab42ae704896de8e1dae589090d18dbd8d7bd28460f5de51c3471ae8bd04fce64d25e0aa2734b3c633a1223d9b8b5982f087a8d1d6abdfee564a',
  'pbkdf2:sha256:1000$brvlzNrTIcn5YTF0$951206ba1e4d99846159069150b74bd4065e8927fb3b2e9a7bd56eb5b8803eb7',
]

describe('more Werkzeug vectors', () => {
  it.each(werkzeugMore)('verifies %s', async (hash) => {
    expect(await checkPasswordHash(hash, 'pä$s wörd ✓')).toBe(true)
    expect(await checkPasswordHash(hash, 'pä$s wörd')).toBe(false)
  })
  it.each(acceptedByWerkzeug)('still makes %s the way Werkzeug accepted it', async (hash) => {
    expect(await checkPasswordHash(hash, 'pä$s word')).toBe(true)
    expect(await checkPasswordHash(hash, 'pä$s wordx')).toBe(false)
  })
})

describe('checkPasswordHash never throws', () => {
  it.each([
    '',
    'plaintext',
    'md5$salt$abc',
    'sha256$salt$abc',
    'pbkdf2:sha256:notanumber$salt$abc',
    'pbkdf2:sha256:1000$salt$nothex!',
    'scrypt:3:8:1$salt$abcd',
    'pbkdf2:md5:1000$salt$abcd',
    '$$',
  ])('returns false for %j', async (hash) => {
    expect(await checkPasswordHash(hash, 'x')).toBe(false)
  })

  it('returns false for non-string input', async () => {
    expect(await checkPasswordHash(undefined as unknown as string, 'x')).toBe(false)
  })
})

describe('generatePasswordHash', () => {
  it('salts every hash differently', async () => {
    const a = await generatePasswordHash('same', { method: 'pbkdf2:sha256:1000' })
    const b = await generatePasswordHash('same', { method: 'pbkdf2:sha256:1000' })
    expect(a).not.toBe(b)
  })
  it('rejects unknown methods with a message listing the good ones', async () => {
    await expect(generatePasswordHash('x', { method: 'sha256' })).rejects.toThrow(
      'Use "pbkdf2:sha256"',
    )
  })
  it('makes salts of letters and digits only', () => {
    expect(generateSalt(200)).toMatch(/^[A-Za-z0-9]{200}$/)
  })
})
