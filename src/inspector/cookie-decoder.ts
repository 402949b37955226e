import { fromBase64Url, fromUtf8 } from '../login-manager/utils/encoding'
import { REMEMBER_DIGEST_PATTERN } from '../login-manager/utils/remember-cookie'
import type { TimelineEntry, Verdict } from '../grader/verdict'

/**
 * What the request inspector can say about a cookie's value.
 *
 * @example
 * const decoded: DecodedCookie = decodeCookie(value)
 * if (decoded.kind === 'session') console.log(decoded.payload)
 */
export type DecodedCookie =
  | {
      kind: 'session'
      payload: string
      /** When the session began and when this cookie was signed, in Unix seconds (both signed). */
      times?: { created: number; issued: number }
      signature: string
    }
  | { kind: 'remember'; id: string; digest: string }
  | { kind: 'signed'; value: string; signature: string }
  | { kind: 'other'; value: string }

/** hono/cookie's signature: a standard-base64 HMAC-SHA256, 43 characters and one `=`. */
const HONO_SIGNATURE = /^[A-Za-z0-9+/]{43}=$/

/**
 * Split a cookie into what anyone can read and the signature that guards it. Understands the
 * login manager's session cookie (`base64url(JSON).created.issued.signature`), its remember
 * cookie (`id|hex`) and a `hono/cookie` signed cookie (`value.base64-signature`).
 *
 * @param value - the cookie's value (URL-encoded or not)
 * @returns the readable parts
 * @example
 * decodeCookie('1%7Cabc…').kind // 'remember'
 * decodeCookie('ada.3zlhEV6XXWKMniErByrHZCjfHXhVY07ipG5TTGD4wRg%3D') // { kind: 'signed', value: 'ada', … }
 */
export function decodeCookie(value: string): DecodedCookie {
  let text = value
  try {
    text = decodeURIComponent(value)
  } catch {
    /* keep the raw text */
  }
  // base64url has no dots, so the readable part ends at the first one; then come the two signed
  // times and the signature.
  const dot = text.indexOf('.')
  if (dot > 0) {
    const bytes = fromBase64Url(text.slice(0, dot))
    const payload = bytes && fromUtf8(bytes)
    if (payload?.startsWith('{')) {
      const rest = text.slice(dot + 1).split('.')
      const [created = '', issued = '', signature = ''] = rest
      if (rest.length === 3 && /^\d+$/.test(created) && /^\d+$/.test(issued))
        return {
          kind: 'session',
          payload,
          times: { created: Number(created), issued: Number(issued) },
          signature,
        }
      return { kind: 'session', payload, signature: text.slice(dot + 1) }
    }
  }
  const bar = text.lastIndexOf('|')
  if (bar > 0 && REMEMBER_DIGEST_PATTERN.test(text.slice(bar + 1))) {
    return { kind: 'remember', id: text.slice(0, bar), digest: text.slice(bar + 1) }
  }
  const lastDot = text.lastIndexOf('.')
  if (lastDot > 0 && HONO_SIGNATURE.test(text.slice(lastDot + 1)))
    return { kind: 'signed', value: text.slice(0, lastDot), signature: text.slice(lastDot + 1) }
  return { kind: 'other', value: text }
}

/**
 * What an attacker would try: change the readable part and keep the old signature. Returns the
 * tampered cookie, what was changed, and an explanation of what the login manager does with it
 * (the request inspector shows what the learner's own app does, by sending it: see
 * {@link tamperingProbe}).
 *
 * @param decoded - from {@link decodeCookie}
 * @returns the forged value, the change, and what the login manager does with it
 * @example
 * tamperWith(decodeCookie(sessionValue)).explanation
 */
export function tamperWith(decoded: DecodedCookie): {
  forged: string
  change: string
  explanation: string
} {
  if (decoded.kind === 'session') {
    const changed = decoded.payload.includes('"_user_id":"')
      ? decoded.payload.replace(/"_user_id":"[^"]*"/, '"_user_id":"2"')
      : decoded.payload.replace(/"([^"]+)":"[^"]*"/, '"$1":"admin"')
    const encoded = btoa(String.fromCharCode(...new TextEncoder().encode(changed)))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '')
    const change = `The content now says ${changed}, but the signature was made for the old content.`
    const times = decoded.times ? `${decoded.times.created}.${decoded.times.issued}.` : ''
    return {
      forged: `${encoded}.${times}${decoded.signature}`,
      change,
      explanation: `${change} Without the secret nobody can make a new one, so the server reads this cookie as an empty session: nobody is logged in.`,
    }
  }
  if (decoded.kind === 'remember') {
    const change = 'The id now says 2, but the digest is the HMAC of the old id.'
    return {
      forged: `2|${decoded.digest}`,
      change,
      explanation: `${change} The server recomputes the HMAC of "2" with its secret, the two differ, and the cookie is ignored.`,
    }
  }
  if (decoded.kind === 'signed') {
    const change = `The value now says admin, but the signature was made for ${decoded.value}.`
    return {
      forged: `admin.${decoded.signature}`,
      change,
      explanation: `${change} getSignedCookie recomputes the HMAC of "admin" with the secret, the two differ, and it returns false.`,
    }
  }
  return {
    forged: decoded.value,
    change: '',
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
  /** `session`: the login manager's session; `remember`: its remember-me cookie; `signed`: a `hono/cookie` signed cookie; `other`: none of these. */
  kind: DecodedCookie['kind']
  /** What anyone holding the cookie can read: the session's JSON, the remembered user id, or the signed value. */
  readable: string
  /** The session's signed times (Unix seconds), readable too; only for a session cookie. */
  times?: { created: number; issued: number }
  /** The HMAC-SHA256 signature (session, signed) or HMAC-SHA512 digest (remember), or `''` when there is none. */
  signature: string
  /** A tampered copy, what was changed, and what the login manager does with it. */
  tampered: { forged: string; change: string; explanation: string }
}

/**
 * Explain a cookie from the timeline in one call: the login manager's session cookie
 * (`base64url(JSON).created.issued.base64url(HMAC-SHA256)`, URL-encoded or not), its remember
 * cookie (`<id>|<hex HMAC-SHA512>`) or a `hono/cookie` signed cookie (`value.base64(HMAC-SHA256)`).
 * Never throws; anything else comes back as `kind: 'other'`.
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
    return {
      kind: 'session',
      readable: decoded.payload,
      ...(decoded.times && { times: decoded.times }),
      signature: decoded.signature,
      tampered,
    }
  if (decoded.kind === 'signed')
    return { kind: 'signed', readable: decoded.value, signature: decoded.signature, tampered }
  if (decoded.kind === 'remember')
    return { kind: 'remember', readable: decoded.id, signature: decoded.digest, tampered }
  return { kind: 'other', readable: decoded.value, signature: '', tampered }
}

/**
 * How to show a learner what their own app does with a forged cookie: the request to send again
 * (the last GET in the timeline that carried the cookie), and the checks source of a tiny scenario
 * that sends it twice with only this cookie: once real, once forged. Run the scenario
 * through the page's runtime like any example (`runner.run({ ...bundle, checks }, files)`), then
 * read the two answers with {@link readTamperingProbe}.
 *
 * @param timeline - the requests the last run made
 * @param name - the cookie's name
 * @param value - its real value, as the timeline shows it
 * @param forged - the tampered value, from {@link tamperWith}
 * @returns the replayed path and the scenario, or null when no GET ever sent this cookie back
 * @example
 * const probe = tamperingProbe(verdict.timeline, 'session', value, tamperWith(decodeCookie(value)).forged)
 * if (probe) show(readTamperingProbe(await runner.run({ ...bundle, checks: probe.checks }, files)))
 */
export function tamperingProbe(
  timeline: readonly TimelineEntry[],
  name: string,
  value: string,
  forged: string,
): { method: 'GET'; path: string; checks: string } | null {
  const sent = [...timeline]
    .reverse()
    .find(
      (entry) =>
        entry.method === 'GET' && entry.cookieSent.split('; ').includes(`${name}=${value}`),
    )
  if (!sent) return null
  // Only this cookie goes along, so nothing else (say, a remember cookie next to the session) can
  // log the browser in and hide what the forgery does.
  const cookies = { [name]: value }
  const probes = [
    { label: 'with the real cookie', cookies },
    { label: 'with the forged cookie', cookies: { ...cookies, [name]: forged } },
  ]
  // A client on another origin records absolute URLs; the probe asks from that same origin.
  const url = new URL(sent.path, 'http://localhost')
  const checks = `import { defineScenario } from 'signed-in/checks'

const origin = ${JSON.stringify(url.origin)}
const path = ${JSON.stringify(`${url.pathname}${url.search}`)}
const probes: Array<{ label: string; cookies: Record<string, string> }> = ${JSON.stringify(probes)}

export default defineScenario(
  probes.map((probe) => ({
    label: \`GET \${path} \${probe.label}\`,
    async run(client) {
      const browser = client.at(origin)
      for (const name of Object.keys(browser.cookies())) browser.deleteCookie(name)
      for (const [name, value] of Object.entries(probe.cookies)) browser.setCookie(name, value)
      const response = await browser.get(path)
      return JSON.stringify({ status: response.status, location: response.location, body: response.body.slice(0, 200) })
    },
  })),
)
`
  return { method: 'GET', path: sent.path, checks }
}

/**
 * What the app answered in a {@link tamperingProbe} run.
 *
 * @example
 * const [real, forged]: ProbeAnswer[] = readTamperingProbe(verdict)
 */
export interface ProbeAnswer {
  status: number
  location: string | null
  body: string
}

/**
 * Read the answers of a {@link tamperingProbe} run: the app's answer to the real cookie, then to
 * the forged one.
 *
 * @param verdict - the probe run's verdict
 * @returns the two answers, or an empty list when the run did not get that far
 * @example
 * const [real, forged] = readTamperingProbe(verdict)
 * forged?.status // 401 when the app turned the forged cookie away
 */
export function readTamperingProbe(verdict: Verdict): ProbeAnswer[] {
  if (verdict.status !== 'passed') return []
  return (verdict.output ?? []).map((line) => JSON.parse(line) as ProbeAnswer)
}
