import { decodeCookie, tamperWith } from '../runner/cookie-decoder'

/**
 * `<cookie-decoder>`: in the request inspector, shows what a cookie from the timeline contains,
 * its signature, and what tampering with it does.
 *
 * @example
 * <cookie-decoder><select data-cookie-select></select><div data-decoded></div>
 *   <button data-tamper>Tamper with it</button><p data-tamper-result></p></cookie-decoder>
 */
export class CookieDecoderElement extends HTMLElement {
  connectedCallback() {
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
    select.addEventListener('change', () => {
      result.textContent = ''
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
        list.append(
          ...row('Cookie', cookie.name),
          ...row('Readable content', decoded.payload),
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
    tamper.addEventListener('click', () => {
      const cookie = current()
      if (!cookie) return
      const { forged, explanation } = tamperWith(decodeCookie(cookie.value))
      result.textContent = `Forged value: ${forged}. ${explanation}`
    })
  }
}

if (!customElements.get('cookie-decoder'))
  customElements.define('cookie-decoder', CookieDecoderElement)
