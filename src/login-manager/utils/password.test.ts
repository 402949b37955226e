// node:crypto is used here only, as an implementation independent of ours (Werkzeug itself calls
// OpenSSL through hashlib); the library never imports it.
import { pbkdf2Sync, scryptSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { LoginManagerError } from '../errors'
import { readWorkCounters, resetWorkCounters } from '../work-counters'
import {
  checkPasswordHash,
  generatePasswordHash,
  generateSalt,
  HASH_LIMITS,
  hashPasswordWithSalt,
} from './password'

// Vectors made with Werkzeug 3.1.8 (see facts.md).
const werkzeugScrypt =
  'scrypt:32768:8:1$aVeryFixedSalt16$cc922c92ca90207bdad552692e2e5a9f3e08e8e5507c170879d6ae65c568a724af6a802c2a1c540c41f126bc9063b95e495a8f7f1a09a688f8638cddd779dbc7'
const werkzeugPbkdf2 =
  'pbkdf2:sha256:600000$Z5r1Kd3uQm2pX9wA$feb8ddceb7ea4175653794c11d0ac613c9197334ca359d22201db71da2c4bb31'

/** Hash `password` again with the method and salt of `hash`, through the library's own path. */
function rehash(hash: string, password: string): Promise<string> {
  const [method = '', salt = ''] = hash.split('$')
  return hashPasswordWithSalt(password, salt, method)
}

describe('Werkzeug compatibility (facts.md vectors)', () => {
  it('verifies the Werkzeug scrypt vector, and rejects a near miss', async () => {
    expect(await checkPasswordHash(werkzeugScrypt, 'correct horse')).toBe(true)
    expect(await checkPasswordHash(werkzeugScrypt, 'correct horsf')).toBe(false)
  })

  it('verifies the Werkzeug pbkdf2 vector, and rejects a near miss', async () => {
    expect(await checkPasswordHash(werkzeugPbkdf2, 'hunter2')).toBe(true)
    expect(await checkPasswordHash(werkzeugPbkdf2, 'Hunter2')).toBe(false)
  })

  it('makes the Werkzeug scrypt vector byte for byte from its salt', async () => {
    expect(
      await hashPasswordWithSalt('correct horse', 'aVeryFixedSalt16', 'scrypt:32768:8:1'),
    ).toBe(werkzeugScrypt)
    // The bare method name means Werkzeug's default parameters.
    expect(await hashPasswordWithSalt('correct horse', 'aVeryFixedSalt16', 'scrypt')).toBe(
      werkzeugScrypt,
    )
  })

  it('makes the Werkzeug pbkdf2 vector byte for byte from its salt', async () => {
    expect(await hashPasswordWithSalt('hunter2', 'Z5r1Kd3uQm2pX9wA', 'pbkdf2:sha256:600000')).toBe(
      werkzeugPbkdf2,
    )
  })

  it('makes the default hash (pbkdf2:sha256:600000, 16-character salt) that node:crypto agrees with', async () => {
    const hash = await generatePasswordHash('hunter2')
    const [method, salt = '', hex] = hash.split('$')
    expect(method).toBe('pbkdf2:sha256:600000')
    expect(salt).toMatch(/^[A-Za-z0-9]{16}$/)
    expect(hex).toBe(pbkdf2Sync('hunter2', salt, 600_000, 32, 'sha256').toString('hex'))
  })

  it('makes default scrypt hashes (scrypt:32768:8:1, dklen 64) that node:crypto agrees with', async () => {
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
  })

  it('makes pbkdf2:sha256:<n> hashes with any iteration count and salt length, as node:crypto does', async () => {
    const hash = await generatePasswordHash('pässwörd', {
      method: 'pbkdf2:sha256:1000',
      saltLength: 24,
    })
    const [method, salt = '', hex] = hash.split('$')
    expect(method).toBe('pbkdf2:sha256:1000')
    expect(salt).toMatch(/^[A-Za-z0-9]{24}$/)
    expect(hex).toBe(pbkdf2Sync('pässwörd', salt, 1000, 32, 'sha256').toString('hex'))
  })

  it('matches the RFC 7914 scrypt test vector (N=1024, r=8, p=16)', async () => {
    // RFC 7914 section 12, "password" / "NaCl": the derived key is the hash's hex digest.
    expect(await hashPasswordWithSalt('password', 'NaCl', 'scrypt:1024:8:16')).toBe(
      'scrypt:1024:8:16$NaCl$fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640',
    )
  })
})

// Made with Werkzeug 3.1.8's generate_password_hash('pä$s wörd ✓', method=…): other methods and
// parameters, and a non-ASCII password with a `$` in it. Werkzeug 3.1.8 verifies each (rechecked
// with check_password_hash when these tests were last changed).
const werkzeugMore = [
  'pbkdf2:sha256:1000$mCfJbaEhsMXlcuNE$6da8da6c68a7e8dec2087f29e985e40b7f36ecf435a3f5ade8b0f2e9374aa547',
  'pbkdf2:sha512:1000$RbhyF5THtNisxTfP$c4781e39652f53127a13e37a777086b78d31478172c40709db898af9294429f42a5320fd2319949371002dd1c6cd9c34ae0dd9e8acd97d7495edb2dc7dca8b7c',
  'scrypt:1024:8:1$L56RWUc59URo3KO7$ceeb417c06c77c534de618f3e49db9a899235754f0943db2f5983f36906c107ab7d88c6361b9dedeafc9f4aba07f71d696862332c8b4cf5c5a6cb176599f784d',
  'scrypt:16384:8:2$zVbQNsZpSaW7CGB2$79daa83e42a2b6dfe906d894ed7defbe788474d0dbef1c64a5b8d48e342027c965308aafa3b89e3130a5214d20be994a1669960f1c77865ea7a513c372c4bb2f',
]

// Made by this library for 'pä$s word'; Werkzeug 3.1.8's check_password_hash answered True for
// that password and False for 'pä$s wordx' (checked by hand; the tests below cannot run Werkzeug,
// they pin that the library still makes exactly these strings).
const acceptedByWerkzeug = [
  'scrypt:1024:8:1$23mIplYlS2m5x9rH$b66c38d3832dab42ae704896de8e1dae589090d18dbd8d7bd28460f5de51c3471ae8bd04fce64d25e0aa2734b3c633a1223d9b8b5982f087a8d1d6abdfee564a',
  'pbkdf2:sha256:1000$brvlzNrTIcn5YTF0$951206ba1e4d99846159069150b74bd4065e8927fb3b2e9a7bd56eb5b8803eb7',
]

describe('more Werkzeug vectors', () => {
  it.each(werkzeugMore)('verifies and reproduces %s', async (hash) => {
    expect(await checkPasswordHash(hash, 'pä$s wörd ✓')).toBe(true)
    expect(await checkPasswordHash(hash, 'pä$s wörd')).toBe(false)
    expect(await rehash(hash, 'pä$s wörd ✓')).toBe(hash)
  })
  it.each(acceptedByWerkzeug)('still makes %s byte for byte', async (hash) => {
    expect(await rehash(hash, 'pä$s word')).toBe(hash)
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

  it.each(['sha256', 'md5', 'pbkdf2:md5', 'scrypt:1000:8:1', 'pbkdf2:sha256:0'])(
    'rejects the unknown method %j with a LoginManagerError listing the good ones',
    async (method) => {
      const error = await generatePasswordHash('x', { method }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(LoginManagerError)
      expect((error as LoginManagerError).code).toBe('unknown-hash-method')
      expect((error as Error).message).toBe(
        `The password hash method ${JSON.stringify(method)} is not one this library (or Werkzeug) knows, so no hash can be made with it. Use "pbkdf2:sha256" (the default, 600,000 iterations), "pbkdf2:sha256:<iterations>" or "scrypt:<N>:<r>:<p>".`,
      )
    },
  )

  it.each([0, -1, 1.5, Number.NaN, 257])(
    'rejects the salt length %j with a LoginManagerError',
    async (saltLength) => {
      const error = await generatePasswordHash('x', {
        method: 'pbkdf2:sha256:1',
        saltLength,
      }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(LoginManagerError)
      expect((error as LoginManagerError).code).toBe('bad-salt-length')
      expect((error as Error).message).toBe(
        `The salt length must be a whole number of characters from 1 to 256, but it was ${saltLength}; the salt makes equal passwords hash differently. Leave saltLength out for the default of 16.`,
      )
    },
  )

  it('makes salts of letters and digits only', () => {
    expect(generateSalt(200)).toMatch(/^[A-Za-z0-9]{200}$/)
  })
})

describe('scrypt limits', () => {
  // Each breaks one limit: N above 2^20; 512 MiB of memory; r·p above 128; 2^23 units of work.
  const tooCostly = [
    ['scrypt:2097152:1:1', 256, 8],
    ['scrypt:524288:8:1', 512, 16],
    ['scrypt:1024:1:256', 0.125, 1],
    ['scrypt:65536:8:16', 64, 32],
  ] as const

  it.each(tooCostly)(
    'generatePasswordHash refuses %s with a teaching error',
    async (method, mib, times) => {
      const error = await generatePasswordHash('x', { method }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(LoginManagerError)
      expect((error as LoginManagerError).code).toBe('scrypt-too-costly')
      expect((error as Error).message).toBe(
        `${method} asks for ${mib} MiB of memory and ${times} times the work of Werkzeug's default, beyond this library's limits (N at most 2^20, p at most 16, r·p at most 128, 256 MiB, 16 times the default work), which keep one login from exhausting the server. Use Werkzeug's default "scrypt:32768:8:1", or OWASP's "scrypt:131072:8:1".`,
      )
    },
  )

  it('checkPasswordHash says false at once for a hash beyond the limits', async () => {
    const start = performance.now()
    for (const [method] of tooCostly) {
      expect(await checkPasswordHash(`${method}$salt$${'ab'.repeat(64)}`, 'x')).toBe(false)
    }
    // Computing any one of them would take seconds and up to 512 MiB.
    expect(performance.now() - start).toBeLessThan(500)
  })

  it('checkPasswordHash refuses even a genuine hash beyond the limits', async () => {
    const genuine = scryptSync('pw', 'salt', 64, { N: 1024, r: 1, p: 256 }).toString('hex')
    expect(await checkPasswordHash(`scrypt:1024:1:256$salt$${genuine}`, 'pw')).toBe(false)
    const withinLimits = scryptSync('pw', 'salt', 64, { N: 1024, r: 8, p: 16 }).toString('hex')
    expect(await checkPasswordHash(`scrypt:1024:8:16$salt$${withinLimits}`, 'pw')).toBe(true)
  })

  it('accepts parameters at a limit (p of 16 and r·p of exactly 128)', async () => {
    expect(await generatePasswordHash('x', { method: 'scrypt:2:8:16' })).toMatch(
      /^scrypt:2:8:16\$[A-Za-z0-9]{16}\$[0-9a-f]{128}$/,
    )
  })
})

describe('bounds on every parameter (HASH_LIMITS)', () => {
  const hex = (n: number) => 'ab'.repeat(n / 2)
  // Each string is well formed except for one parameter; computing any would take seconds or more.
  const outOfBounds = [
    ['iterations far beyond the cap', `pbkdf2:sha256:999999999$salt$${hex(64)}`],
    ['iterations one past the cap', `pbkdf2:sha256:2000001$salt$${hex(64)}`],
    ['N above 2^20', `scrypt:2097152:1:1$salt$${hex(128)}`],
    ['r·p above 128', `scrypt:1024:1:256$salt$${hex(128)}`],
    ['r alone above 128', `scrypt:2:129:1$salt$${hex(128)}`],
    ['p above 16', `scrypt:2:1:17$salt$${hex(128)}`],
    ['memory above 256 MiB', `scrypt:524288:8:1$salt$${hex(128)}`],
    ['work above 16 times the default', `scrypt:65536:8:16$salt$${hex(128)}`],
    ['an empty salt', `pbkdf2:sha256:1000$$${hex(64)}`],
    ['a 257-character salt', `pbkdf2:sha256:1000$${'s'.repeat(257)}$${hex(64)}`],
    ['a pbkdf2:sha256 digest of the wrong length', `pbkdf2:sha256:1000$salt$${hex(128)}`],
    ['a pbkdf2:sha512 digest of the wrong length', `pbkdf2:sha512:1000$salt$${hex(64)}`],
    ['a pbkdf2:sha1 digest of the wrong length', `pbkdf2:sha1:1000$salt$${hex(64)}`],
    ['a scrypt digest of the wrong length', `scrypt:1024:8:1$salt$${hex(64)}`],
    ['a megabyte-long string', `pbkdf2:sha256:1000$${'s'.repeat(1_000_000)}$${hex(64)}`],
  ] as const

  it.each(outOfBounds)('%s answers false without hashing', async (_, hash) => {
    resetWorkCounters()
    expect(await checkPasswordHash(hash, 'x')).toBe(false)
    // Zero hashes computed: the answer came from the bounds, not from a failed comparison.
    expect(readWorkCounters().passwordHashes).toBe(0)
  })

  it('accepts a hash at each bound', async () => {
    const atCap = await hashPasswordWithSalt(
      'pw',
      's',
      `pbkdf2:sha256:${HASH_LIMITS.pbkdf2.maxIterations}`,
    )
    expect(await checkPasswordHash(atCap, 'pw')).toBe(true)
    const longSalt = await generatePasswordHash('pw', { method: 'pbkdf2:sha1:1', saltLength: 256 })
    expect(await checkPasswordHash(longSalt, 'pw')).toBe(true)
    expect(longSalt).toMatch(/^pbkdf2:sha1:1\$[A-Za-z0-9]{256}\$[0-9a-f]{40}$/)
  })

  it('generatePasswordHash refuses an iteration count beyond the cap, explaining why', async () => {
    const error = await generatePasswordHash('x', { method: 'pbkdf2:sha256:2000001' }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(LoginManagerError)
    expect((error as LoginManagerError).code).toBe('pbkdf2-too-costly')
    expect((error as Error).message).toBe(
      `pbkdf2 with 2000001 iterations is beyond this library's limit of 2,000,000 (twice Werkzeug's default of 1,000,000), which keeps one login from occupying the server for seconds or minutes. Use the default "pbkdf2:sha256:600000" (OWASP's minimum for PBKDF2-HMAC-SHA256) or Werkzeug's "pbkdf2:sha256:1000000".`,
    )
  })

  it('malformed strings answer false in well under 10 ms each', async () => {
    const malformed = [
      '',
      '$$',
      'x'.repeat(100_000),
      'pbkdf2:sha256:1e9$salt$ab',
      ...outOfBounds.map(([, h]) => h),
    ]
    const start = performance.now()
    for (const hash of malformed) expect(await checkPasswordHash(hash, 'x')).toBe(false)
    expect((performance.now() - start) / malformed.length).toBeLessThan(10)
  })
})

describe('scrypt shares the event loop', () => {
  /** CPU time this thread has used, in milliseconds (Node 23.9+; the project pins Node 24). */
  const threadCpuMs = () => {
    const { user, system } = process.threadCpuUsage()
    return (user + system) / 1000
  }

  /**
   * The longest stretch of CPU time this thread spent between two timer callbacks while `work` ran,
   * and how many callbacks ran. CPU time, not wall time: on a loaded machine the operating system
   * may pause the whole thread for a while, which no code can prevent and which is not a stall
   * caused by the hash. (The bench reports the wall-clock figure.)
   */
  async function longestStall(work: () => Promise<unknown>) {
    let last = threadCpuMs()
    let longest = 0
    let ticks = 0
    let running = true
    const sample = () => {
      const now = threadCpuMs()
      longest = Math.max(longest, now - last)
      last = now
      ticks++
      if (running) setTimeout(sample, 0)
    }
    setTimeout(sample, 0)
    await work()
    running = false
    return { longest, ticks }
  }

  // A synchronous scrypt (the library's own before @noble/hashes) runs the whole hash between two
  // callbacks: 0 ticks, and a stall of hundreds of milliseconds of CPU.
  it.each([
    ["Werkzeug's default", werkzeugScrypt, 'correct horse'],
    [
      'p at its cap of 16, where noble runs 32 loops back to back',
      'scrypt:1024:8:16$NaCl$fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640',
      'password',
    ],
  ])(
    'other callbacks run at least every 50 ms while scrypt checks a password (%s)',
    async (_, hash, password) => {
      const run = await longestStall(async () =>
        expect(await checkPasswordHash(hash, password)).toBe(true),
      )
      expect(run.ticks).toBeGreaterThan(5)
      expect(run.longest).toBeLessThan(50)
    },
  )
})
