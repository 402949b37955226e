import { fromBase64Url, fromUtf8 } from '../login-manager/utils/encoding'

/**
 * What the request inspector can say about a cookie's value.
 *
 * @example
 * const decoded: DecodedCookie = decodeCookie(value)
 * if (decoded.kind === 'session') console.log(decoded.payload)
 */
export type DecodedCookie =
  | { kind: 'session'; payload: string; signature: string }
  | { kind: 'remember'; id: string; digest: string }
  | { kind: 'other'; value: string }

/**
 * Split a cookie into what anyone can read and the signature that guards it. Understands the
 * login manager's session cookie (`base64url(JSON).signature`) and remember cookie (`id|hex`).
 *
 * @param value - the cookie's value (URL-encoded or not)
 * @returns the readable parts
 * @example
 * decodeCookie('1%7Cabc…').kind // 'remember'
 */
export function decodeCookie(value: string): DecodedCookie {
  let text = value
  try {
    text = decodeURIComponent(value)
  } catch {
    /* keep the raw text */
  }
  const dot = text.lastIndexOf('.')
  if (dot > 0) {
    const bytes = fromBase64Url(text.slice(0, dot))
    const payload = bytes && fromUtf8(bytes)
    if (payload?.startsWith('{'))
      return { kind: 'session', payload, signature: text.slice(dot + 1) }
  }
  const bar = text.lastIndexOf('|')
  if (bar > 0 && /^[0-9a-f]{128}$/.test(text.slice(bar + 1))) {
    return { kind: 'remember', id: text.slice(0, bar), digest: text.slice(bar + 1) }
  }
  return { kind: 'other', value: text }
}

/**
 * What an attacker would try: change the readable part and keep the old signature. Returns the
 * tampered cookie and an explanation of what the server does with it.
 *
 * @param decoded - from {@link decodeCookie}
 * @returns the forged value and what happens to it
 * @example
 * tamperWith(decodeCookie(sessionValue)).explanation
 */
export function tamperWith(decoded: DecodedCookie): { forged: string; explanation: string } {
  if (decoded.kind === 'session') {
    const changed = decoded.payload.includes('"_user_id":"')
      ? decoded.payload.replace(/"_user_id":"[^"]*"/, '"_user_id":"2"')
      : decoded.payload.replace(/"([^"]+)":"[^"]*"/, '"$1":"admin"')
    const encoded = btoa(String.fromCharCode(...new TextEncoder().encode(changed)))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '')
    return {
      forged: `${encoded}.${decoded.signature}`,
      explanation: `The content now says ${changed}, but the signature was made for the old content. Without the secret nobody can make a new one, so the server reads this cookie as an empty session: nobody is logged in.`,
    }
  }
  if (decoded.kind === 'remember') {
    return {
      forged: `2|${decoded.digest}`,
      explanation:
        'The id now says 2, but the digest is the HMAC of the old id. The server recomputes the HMAC of "2" with its secret, the two differ, and the cookie is ignored.',
    }
  }
  return {
    forged: decoded.value,
    explanation:
      'This cookie is not signed by the login manager, so the inspector cannot say more about it.',
  }
}

/**
 * Everything the request inspector shows about one cookie: what anyone can read, the signature
 * that guards it, and what happens when someone edits the readable part.
 *
 * @example
 * const explained: SignedCookieExplained = decodeSignedCookie(value)
 * explained.readable // '{"_user_id":"1","_fresh":true}'
 */
export interface SignedCookieExplained {
  /** `session`: the login manager's session; `remember`: its remember-me cookie; `other`: not signed by it. */
  kind: DecodedCookie['kind']
  /** What anyone holding the cookie can read: the session's JSON, or the remembered user id. */
  readable: string
  /** The signature (session) or HMAC-SHA512 digest (remember), or `''` when there is none. */
  signature: string
  /** A tampered copy and what the server does with it. */
  tampered: { forged: string; explanation: string }
}

/**
 * Explain a cookie from the timeline in one call: the login manager's session cookie
 * (`base64url(JSON).base64url(HMAC-SHA256)`, URL-encoded or not) or its remember cookie
 * (`<id>|<hex HMAC-SHA512>`). Never throws; anything else comes back as `kind: 'other'`.
 *
 * @param value - the cookie's value
 * @returns the readable part, the signature and what tampering does
 * @example
 * const { readable, signature, tampered } = decodeSignedCookie(client.cookie('session') ?? '')
 * readable // '{"_user_id":"1","_fresh":true,"_id":"…"}'
 * tampered.explanation // '… the server reads this cookie as an empty session: nobody is logged in.'
 */
export function decodeSignedCookie(value: string): SignedCookieExplained {
  const decoded = decodeCookie(value)
  const tampered = tamperWith(decoded)
  if (decoded.kind === 'session')
    return { kind: 'session', readable: decoded.payload, signature: decoded.signature, tampered }
  if (decoded.kind === 'remember')
    return { kind: 'remember', readable: decoded.id, signature: decoded.digest, tampered }
  return { kind: 'other', readable: decoded.value, signature: '', tampered }
}
