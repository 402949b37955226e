// scrypt (RFC 7914) on top of Web Crypto's PBKDF2-HMAC-SHA256, so the library needs no dependency
// and no `node:crypto`. Used to verify and create Werkzeug's `scrypt:N:r:p$salt$hex` hashes.

async function pbkdf2Sha256(
  password: Uint8Array<ArrayBuffer>,
  salt: Uint8Array<ArrayBuffer>,
  length: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const key = await crypto.subtle.importKey('raw', password, 'PBKDF2', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 1 },
    key,
    length * 8,
  )
  return new Uint8Array(bits)
}

const rotl = (a: number, b: number) => (a << b) | (a >>> (32 - b))

function salsa20_8(block: Uint32Array, x: Uint32Array) {
  x.set(block)
  for (let i = 0; i < 8; i += 2) {
    x[4]! ^= rotl(x[0]! + x[12]!, 7)
    x[8]! ^= rotl(x[4]! + x[0]!, 9)
    x[12]! ^= rotl(x[8]! + x[4]!, 13)
    x[0]! ^= rotl(x[12]! + x[8]!, 18)
    x[9]! ^= rotl(x[5]! + x[1]!, 7)
    x[13]! ^= rotl(x[9]! + x[5]!, 9)
    x[1]! ^= rotl(x[13]! + x[9]!, 13)
    x[5]! ^= rotl(x[1]! + x[13]!, 18)
    x[14]! ^= rotl(x[10]! + x[6]!, 7)
    x[2]! ^= rotl(x[14]! + x[10]!, 9)
    x[6]! ^= rotl(x[2]! + x[14]!, 13)
    x[10]! ^= rotl(x[6]! + x[2]!, 18)
    x[3]! ^= rotl(x[15]! + x[11]!, 7)
    x[7]! ^= rotl(x[3]! + x[15]!, 9)
    x[11]! ^= rotl(x[7]! + x[3]!, 13)
    x[15]! ^= rotl(x[11]! + x[7]!, 18)
    x[1]! ^= rotl(x[0]! + x[3]!, 7)
    x[2]! ^= rotl(x[1]! + x[0]!, 9)
    x[3]! ^= rotl(x[2]! + x[1]!, 13)
    x[0]! ^= rotl(x[3]! + x[2]!, 18)
    x[6]! ^= rotl(x[5]! + x[4]!, 7)
    x[7]! ^= rotl(x[6]! + x[5]!, 9)
    x[4]! ^= rotl(x[7]! + x[6]!, 13)
    x[5]! ^= rotl(x[4]! + x[7]!, 18)
    x[11]! ^= rotl(x[10]! + x[9]!, 7)
    x[8]! ^= rotl(x[11]! + x[10]!, 9)
    x[9]! ^= rotl(x[8]! + x[11]!, 13)
    x[10]! ^= rotl(x[9]! + x[8]!, 18)
    x[12]! ^= rotl(x[15]! + x[14]!, 7)
    x[13]! ^= rotl(x[12]! + x[15]!, 9)
    x[14]! ^= rotl(x[13]! + x[12]!, 13)
    x[15]! ^= rotl(x[14]! + x[13]!, 18)
  }
  for (let i = 0; i < 16; i++) block[i] = (block[i]! + x[i]!) | 0
}

function blockMix(
  input: Uint32Array,
  output: Uint32Array,
  r: number,
  x: Uint32Array,
  scratch: Uint32Array,
) {
  scratch.set(input.subarray((2 * r - 1) * 16, 2 * r * 16))
  for (let i = 0; i < 2 * r; i++) {
    for (let j = 0; j < 16; j++) scratch[j]! ^= input[i * 16 + j]!
    salsa20_8(scratch, x)
    const target = (i % 2 === 0 ? i / 2 : r + (i - 1) / 2) * 16
    output.set(scratch, target)
  }
}

function roMix(block: Uint32Array, n: number, r: number) {
  const words = 32 * r
  const v = new Uint32Array(words * n)
  const x = new Uint32Array(16)
  const scratch = new Uint32Array(16)
  let current = block.slice()
  let next = new Uint32Array(words)
  for (let i = 0; i < n; i++) {
    v.set(current, i * words)
    blockMix(current, next, r, x, scratch)
    ;[current, next] = [next, current]
  }
  for (let i = 0; i < n; i++) {
    const j = current[(2 * r - 1) * 16]! & (n - 1)
    for (let k = 0; k < words; k++) current[k]! ^= v[j * words + k]!
    blockMix(current, next, r, x, scratch)
    ;[current, next] = [next, current]
  }
  block.set(current)
}

/**
 * scrypt key derivation (RFC 7914).
 *
 * @param password - the password bytes
 * @param salt - the salt bytes
 * @param n - CPU/memory cost, a power of two
 * @param r - block size
 * @param p - parallelism
 * @param length - derived key length in bytes
 * @returns the derived key
 * @example
 * const key = await scrypt(utf8('password'), utf8('NaCl'), 1024, 8, 16, 64)
 */
export async function scrypt(
  password: Uint8Array<ArrayBuffer>,
  salt: Uint8Array<ArrayBuffer>,
  n: number,
  r: number,
  p: number,
  length: number,
): Promise<Uint8Array<ArrayBuffer>> {
  if (n < 2 || (n & (n - 1)) !== 0) throw new RangeError('scrypt: N must be a power of two above 1')
  const bytes = await pbkdf2Sha256(password, salt, p * 128 * r)
  const words = new Uint32Array(bytes.length / 4)
  const view = new DataView(bytes.buffer)
  for (let i = 0; i < words.length; i++) words[i] = view.getUint32(i * 4, true)
  for (let i = 0; i < p; i++) roMix(words.subarray(i * 32 * r, (i + 1) * 32 * r), n, r)
  for (let i = 0; i < words.length; i++) view.setUint32(i * 4, words[i]!, true)
  return pbkdf2Sha256(password, bytes, length)
}
