import { describe, expect, it } from 'vitest'
import { inlineCodeWithBreaks, nameWithBreaks } from './word-breaks'

describe('word breaks in code names', () => {
  it('breaks camelCase and dotted names only at their boundaries', () => {
    expect(nameWithBreaks('LoginManagerErrorCode')).toBe('Login<wbr>Manager<wbr>Error<wbr>Code')
    expect(nameWithBreaks('c.var.currentUser')).toBe('c.<wbr>var.<wbr>current<wbr>User')
    expect(nameWithBreaks('SESSION_SECRET')).toBe('SESSION_<wbr>SECRET')
    expect(nameWithBreaks('loginUser')).toBe('login<wbr>User')
    expect(nameWithBreaks('a')).toBe('a')
  })

  it('escapes what it is given', () => {
    expect(nameWithBreaks('Map<string, "x">')).toBe('Map&lt;string, &quot;x&quot;&gt;')
  })

  it('adds breaks inside inline code only, leaving code blocks and prose alone', () => {
    const html =
      '<p>See <code>loginManager.userLoader</code> in CamelCase prose.</p><pre class="x"><code class="y">fooBar</code></pre>'
    expect(inlineCodeWithBreaks(html)).toBe(
      '<p>See <code>login<wbr>Manager.<wbr>user<wbr>Loader</code> in CamelCase prose.</p><pre class="x"><code class="y">fooBar</code></pre>',
    )
  })
})
