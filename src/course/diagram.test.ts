import { describe, expect, it } from 'vitest'
import {
  checkDiagramSyntax,
  diagramErrorMessage,
  DiagramSyntaxError,
  diagramId,
  renderDiagram,
} from './diagram'

const sequence = `sequenceDiagram
  participant B as Browser
  B->>Server: POST /login
  Server-->>B: 302, Set-Cookie: session=…
  alt cookie valid
    B->>Server: GET /dashboard
  else tampered
    Server-->>B: 401
  end`
const flowLR = `flowchart LR
  A[Request] --> B{Signed cookie?}
  B -->|valid| C([Dashboard])
  B -- forged --> D[Redirect to /login]
  C & D --> E`
const flowTD = `graph TD
  subgraph server
    A --> B
  end`
const state = `stateDiagram-v2
  [*] --> Anonymous
  Anonymous --> SignedIn: loginUser
  state "Remembered" as R
  SignedIn --> R: browser closed
  R --> [*]: logoutUser`

describe('renderDiagram', () => {
  it.each([
    ['sequenceDiagram', sequence, 'sequence'],
    ['flowchart LR', flowLR, 'flowchart'],
    ['flowchart TD', flowTD, 'flowchart'],
    ['stateDiagram-v2', state, 'state'],
  ])('draws a %s with its labels, no fixed colours and no web font', (_name, code, kind) => {
    expect(checkDiagramSyntax(code)).toBe(kind)
    const svg = renderDiagram(code, 'What it shows.', 'd1')
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="d1-title"/)
    expect(svg).toContain('<title id="d1-title">What it shows.</title>')
    expect(svg).not.toContain('<style')
    expect(svg).not.toContain('fonts.googleapis')
    expect(svg).not.toMatch(/(fill|stroke)="#[0-9a-f]{3,8}"/i)
    expect(svg).not.toMatch(/viewBox="0 0 0 0"/)
    const labels = [...code.matchAll(/(?::|\||\[|"|--)\s*([A-Za-z][\w /]+)/g)]
    for (const [, label] of labels.slice(0, 3)) expect(svg).toContain(label?.trim().split(' ')[0])
  })

  it('prefixes every id and every reference to one, so two diagrams on a page never clash', () => {
    const svg = renderDiagram(state, 'x', 'p9')
    const ids = [...svg.matchAll(/\bid="([^"]+)"/g)].map((match) => match[1])
    expect(ids.length).toBeGreaterThan(1)
    for (const id of ids) expect(id).toMatch(/^p9-/)
    for (const [, ref] of svg.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(ref)
  })

  it('escapes the text alternative', () => {
    expect(renderDiagram(flowTD, 'a <b> & "c"', 'e')).toContain(
      '<title id="e-title">a &lt;b&gt; &amp; &quot;c&quot;</title>',
    )
  })

  it('gives the same source the same id, and different sources different ids', () => {
    expect(diagramId(state)).toBe(diagramId(state))
    expect(diagramId(state)).not.toBe(diagramId(flowLR))
  })
})

describe('checkDiagramSyntax refuses what the renderer would silently drop', () => {
  it.each([
    [
      'a message without its label',
      'sequenceDiagram\n  A->>B hello',
      2,
      /cannot read "A->>B hello"/,
    ],
    ['an unknown arrow', 'sequenceDiagram\n  A=>>B: hi', 2, /cannot read/],
    ['a block never closed', 'sequenceDiagram\n  loop again\n  A->>B: hi', 2, /has no "end"/],
    ['a stray end', 'sequenceDiagram\n  A->>B: hi\n  end', 3, /closes no block/],
    ['an unclosed node label', 'flowchart LR\n  A[Start --> B', 2, /closing brackets/],
    ['a missing arrow', 'flowchart LR\n  A B', 2, /expected an arrow/],
    ['a trailing semicolon', 'flowchart LR\n  A --> B;', 2, /cannot read ";"/],
    ['a subgraph never closed', 'flowchart TD\n  subgraph s\n  A --> B', 2, /has no "end"/],
    ['a flowchart without a direction', 'flowchart\n  A --> B', 1, /not a diagram type/],
    ['an unsupported type', 'pie\n  "a": 1', 1, /not a diagram type/],
    ['a state arrow typo', 'stateDiagram-v2\n  [*] -> A', 2, /cannot read "\[\*\] -> A"/],
    ['an empty diagram', '   \n', 1, /empty/],
  ])('%s', (_name, code, line, message) => {
    let caught: unknown
    try {
      checkDiagramSyntax(code)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(DiagramSyntaxError)
    expect((caught as DiagramSyntaxError).line).toBe(line)
    expect((caught as Error).message).toMatch(message)
  })
})

describe('diagramErrorMessage', () => {
  const lesson = [
    '---',
    'title: x',
    '---',
    '',
    '<Diagram',
    '  alt="x"',
    '  code={`sequenceDiagram',
    '  A->>B oops`}',
    '/>',
  ].join('\n')
  const code = 'sequenceDiagram\n  A->>B oops'
  const syntax = (() => {
    try {
      checkDiagramSyntax(code)
    } catch (error) {
      return error
    }
    return undefined
  })()

  it('names the lesson file behind the page, the file line and the Mermaid line', () => {
    expect(diagramErrorMessage(syntax, code, '/lessons/signed-cookies/', () => lesson)).toBe(
      'lessons/signed-cookies.mdx:8: <Diagram>: Mermaid line 2: cannot read "A->>B oops"; a message is "From->>To: label" (or -->>, ->, -->, -x, -)), and the label is required',
    )
  })

  it('still names the file when it cannot find the line, and the page when it is no lesson', () => {
    expect(diagramErrorMessage(syntax, code, '/lessons/x/', () => undefined)).toMatch(
      /^lessons\/x\.mdx: <Diagram>: Mermaid line 2: /,
    )
    expect(diagramErrorMessage(new Error('alt is required'), code, '/about/', () => '')).toBe(
      'the page /about/: <Diagram>: alt is required',
    )
  })
})
