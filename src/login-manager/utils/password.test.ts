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

  it('matches the RFC 7914 scrypt test vector', async () => {
    const key = await scrypt(utf8('password'), utf8('NaCl'), 1024, 8, 16, 64)
    expect(toHex(key)).toBe(
      'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640',
    )
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
