const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })

/**
 * Encode text as UTF-8 bytes.
 *
 * @param text - any string
 * @returns its UTF-8 bytes
 * @example
 * utf8('é') // Uint8Array [195, 169]
 */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text)
}

/**
 * Decode UTF-8 bytes, or return `null` for invalid UTF-8.
 *
 * @param bytes - UTF-8 bytes
 * @returns the text, or null
 * @example
 * fromUtf8(new Uint8Array([104, 105])) // 'hi'
 */
export function fromUtf8(bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes)
  } catch {
    return null
  }
}

/**
 * Bytes as lowercase hex.
 *
 * @param bytes - any bytes
 * @returns lowercase hex, two characters a byte
 * @example
 * toHex(new Uint8Array([1, 255])) // '01ff'
 */
export function toHex(bytes: Uint8Array): string {
  let hex = ''
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0')
  return hex
}

/**
 * Bytes as unpadded base64url.
 *
 * @param bytes - any bytes
 * @returns base64url text without `=` padding
 * @example
 * toBase64Url(new Uint8Array([251, 255])) // '-_8'
 */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/**
 * Decode unpadded base64url, or return `null` when the text is not base64url.
 *
 * @param text - base64url text
 * @returns the bytes, or null
 * @example
 * fromBase64Url('-_8') // Uint8Array [251, 255]
 */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null
  const base64 =
    text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4)
  try {
    const binary = atob(base64)
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    // atob ignores the unused low bits of the last character, so two texts can decode alike.
    // Accept only the canonical text, so a signature has exactly one spelling.
    return toBase64Url(bytes) === text ? bytes : null
  } catch {
    return null
  }
}
