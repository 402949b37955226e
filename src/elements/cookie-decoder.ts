import { decodeCookie, tamperWith, type ProbeAnswer } from '../inspector/cookie-decoder'
import { runInChosenRuntime } from '../stores/runtime'
import { createTamperProbe, type ForgedOutcome, type TryForged } from '../stores/tamper-probe'
import { exerciseOf } from './exercise-context'

const describeAnswer = (answer: ProbeAnswer) =>
  `${answer.status}${answer.location ? ` → ${answer.location}` : ''}${answer.body ? ` ${JSON.stringify(answer.body.length > 80 ? `${answer.body.slice(0, 77)}…` : answer.body)}` : ''}`

/** A signed time from a session cookie: the Unix seconds, and the moment they stand for. */
const unixTime = (seconds: number) =>
  `${seconds} (${new Date(seconds * 1000).toISOString().replace('T', ' ').slice(0, 19)} UTC)`

/**
 * `<cookie-decoder>`: in the request inspector, shows what a cookie from the timeline contains and
 * its signature; "Tamper with it" forges a copy and, through the exercise's tamper probe
 * ({@link createTamperProbe}), sends it to the learner's own app to show the real answer next to
 * the answer to the real cookie. Outside an exercise panel it explains what would happen instead.
 *
 * @example
 * <cookie-decoder><select data-cookie-select></select><div data-decoded></div>
 *   <button data-tamper>Tamper with it</button><div data-tamper-result></div></cookie-decoder>
 */
export class CookieDecoderElement extends HTMLElement {
  #tryForged: TryForged | undefined

  connectedCallback() {
    void exerciseOf(this)?.then(({ bundle, store }) => {
      this.#tryForged = createTamperProbe(store, (checks, files) =>
        runInChosenRuntime({ ...bundle, checks }, files),
      )
    })
    const select = this.querySelector<HTMLSelectElement>('[data-cookie-select]')
    const output = this.querySelector<HTMLElement>('[data-decoded]')
    const tamper = this.querySelector<HTMLButtonElement>('[data-tamper]')
    const result = this.querySelector<HTMLElement>('[data-tamper-result]')
    if (!select || !output || !tamper || !result) return
    const current = () => {
      const pair = select.value
      const eq = pair.indexOf('=')
      return eq < 0 ? null : { name: pair.slice(0, eq), value: pair.slice(eq + 1) }
    }
    const row = (term: string, value: string) => {
      const dt = document.createElement('dt')
      dt.textContent = term
      const dd = document.createElement('dd')
      dd.textContent = value
      return [dt, dd]
    }
    const paragraph = (text: string) => {
      const p = document.createElement('p')
      p.textContent = text
      return p
    }
    select.addEventListener('change', () => {
      result.replaceChildren()
      const cookie = current()
      this.hidden = false
      tamper.disabled = !cookie
      if (!cookie) {
        output.replaceChildren('The checks received no cookies.')
        return
      }
      const decoded = decodeCookie(cookie.value)
      const list = document.createElement('dl')
      if (decoded.kind === 'session') {
        list.append(...row('Cookie', cookie.name), ...row('Readable content', decoded.payload))
        if (decoded.times)
          list.append(
            ...row('Session began (signed)', unixTime(decoded.times.created)),
            ...row('Cookie signed at (signed)', unixTime(decoded.times.issued)),
          )
        list.append(...row('Signature (HMAC-SHA256)', decoded.signature))
      } else if (decoded.kind === 'signed') {
        list.append(
          ...row('Cookie', cookie.name),
          ...row('Readable value', decoded.value),
          ...row('Signature (HMAC-SHA256)', decoded.signature),
        )
      } else if (decoded.kind === 'remember') {
        list.append(
          ...row('Cookie', cookie.name),
          ...row('User id', decoded.id),
          ...row('Digest (HMAC-SHA512)', decoded.digest),
        )
      } else {
        list.append(...row('Cookie', cookie.name), ...row('Value', decoded.value))
      }
      output.replaceChildren(list)
    })
    tamper.addEventListener('click', async () => {
      const cookie = current()
      if (!cookie) return
      const decoded = decodeCookie(cookie.value)
      const { forged, change, explanation } = tamperWith(decoded)
      if (decoded.kind === 'other' || !this.#tryForged) {
        result.replaceChildren(paragraph(`Forged value: ${forged}. ${explanation}`))
        return
      }
      tamper.disabled = true
      result.setAttribute('aria-busy', 'true')
      result.replaceChildren(paragraph(`${change} Sending it to your app…`))
      try {
        const outcome = await this.#tryForged(cookie.name, cookie.value, forged)
        result.replaceChildren(...this.#describe(outcome, forged, change, explanation))
      } finally {
        tamper.disabled = false
        result.removeAttribute('aria-busy')
      }
    })
  }

  #describe(outcome: ForgedOutcome, forged: string, change: string, explanation: string) {
    const paragraph = (text: string) => {
      const p = document.createElement('p')
      p.textContent = text
      return p
    }
    const forgedLine = paragraph(`Forged value: ${forged}`)
    forgedLine.className = 'forged-value'
    if (outcome.kind === 'never-sent')
      return [
        forgedLine,
        paragraph(
          `${explanation} (No request in the last run sent this cookie back, so there is nothing to replay against your app.)`,
        ),
      ]
    if (outcome.kind === 'failed')
      return [
        forgedLine,
        paragraph(`Your app could not be asked: ${outcome.message} ${explanation}`),
      ]
    const list = document.createElement('dl')
    list.className = 'tamper-answers'
    for (const [term, answer] of [
      ['With the real cookie', outcome.real],
      ['With the forged cookie', outcome.tampered],
    ] as const) {
      const dt = document.createElement('dt')
      dt.textContent = term
      const dd = document.createElement('dd')
      dd.textContent = describeAnswer(answer)
      list.append(dt, dd)
    }
    const same =
      outcome.real.status === outcome.tampered.status && outcome.real.body === outcome.tampered.body
    return [
      forgedLine,
      paragraph(`${change} Your app was sent ${outcome.request} twice:`),
      list,
      paragraph(
        same
          ? 'Your app answered both the same way: it did not notice the forgery here.'
          : 'Your app answered differently: it checked the signature, found it did not match, and ignored the forged cookie.',
      ),
    ]
  }
}

if (!customElements.get('cookie-decoder'))
  customElements.define('cookie-decoder', CookieDecoderElement)
