/**
 * A strict reading of the Mermaid subset `beautiful-mermaid` draws. Its parsers skip any line they
 * cannot read, so a typo would quietly drop an arrow from a lesson's diagram; this checker reads
 * the same grammar and refuses every line it cannot account for, naming the line.
 *
 * Supported: `sequenceDiagram`; `flowchart`/`graph` with a direction (TD, TB, LR, BT, RL);
 * `stateDiagram-v2` (or `stateDiagram`). Other Mermaid types (class, ER, pie…) are refused.
 */

/** A Mermaid source the renderer cannot draw as written. `line` counts from 1 in the source. */
export class DiagramSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly detail: string,
  ) {
    super(`line ${line}: ${detail}`)
    this.name = 'DiagramSyntaxError'
  }
}

/** The diagram types the course draws. */
export type DiagramKind = 'sequence' | 'flowchart' | 'state'

interface SourceLine {
  text: string
  number: number
}

const blockOpeners = /^(loop|alt|opt|par|critical|break|rect)\b/
const sequenceRules: RegExp[] = [
  /^(participant|actor)\s+(\S+?)(?:\s+as\s+(.+))?$/,
  /^Note\s+(left of|right of|over)\s+([^:]+):\s*(.+)$/i,
  /^(\S+?)\s*(--?>?>|--?[)x]|--?>>|--?>)\s*([+-]?)(\S+?)\s*:\s*(.+)$/,
]
const flowDirectives: RegExp[] = [
  /^classDef\s+(\w+)\s+(.+)$/,
  /^class\s+([\w,-]+)\s+(\w+)$/,
  /^style\s+([\w,-]+)\s+(.+)$/,
  /^linkStyle\s+(default|[\d,\s]+)\s+(.+)$/,
  /^direction\s+(TD|TB|LR|BT|RL)\s*$/i,
]
const flowArrow = /^(<)?(-->|-.->|==>|---|-\.-|===)(?:\|([^|]*)\|)?/
const flowTextArrow = /^(<)?(--|-\.|==)\s+(.+?)\s+(-->|---|\.->|-\.-|==>|===)/
const flowNodes: RegExp[] = [
  /^([\w-]+)\(\(\((.+?)\)\)\)/,
  /^([\w-]+)\(\[(.+?)\]\)/,
  /^([\w-]+)\(\((.+?)\)\)/,
  /^([\w-]+)\[\[(.+?)\]\]/,
  /^([\w-]+)\[\((.+?)\)\]/,
  /^([\w-]+)\[\/(.+?)\\\]/,
  /^([\w-]+)\[\\(.+?)\/\]/,
  /^([\w-]+)>(.+?)\]/,
  /^([\w-]+)\{\{(.+?)\}\}/,
  /^([\w-]+)\[(.+?)\]/,
  /^([\w-]+)\((.+?)\)/,
  /^([\w-]+)\{(.+?)\}/,
  /^([\w-]+)/,
]
const stateRules: RegExp[] = [
  /^direction\s+(TD|TB|LR|BT|RL)\s*$/i,
  /^linkStyle\s+(default|[\d,\s]+)\s+(.+)$/,
  /^state\s+"([^"]+)"\s+as\s+([\w\p{L}]+)\s*$/u,
  /^(\[\*\]|[\w\p{L}-]+)\s*-->\s*(\[\*\]|[\w\p{L}-]+)(?:\s*:\s*(.+))?$/u,
  /^([\w\p{L}-]+)\s*:\s*(.+)$/u,
]

/**
 * Check Mermaid source line by line against what the renderer draws.
 *
 * @param code - Mermaid source
 * @returns the diagram's kind
 * @throws {DiagramSyntaxError} naming the first line that would be dropped or misdrawn
 * @example
 * checkDiagramSyntax('flowchart LR\n  A --> B') // 'flowchart'
 * checkDiagramSyntax('sequenceDiagram\n  A->>B hello') // throws DiagramSyntaxError (line 2)
 */
export function checkDiagramSyntax(code: string): DiagramKind {
  const lines = code
    .split('\n')
    .map((text, index) => ({ text: text.trim(), number: index + 1 }))
    .filter((line) => line.text !== '' && !line.text.startsWith('%%'))
  const [header, ...body] = lines
  if (!header) throw new DiagramSyntaxError(1, 'the diagram is empty')
  if (/^sequenceDiagram\s*$/.test(header.text)) {
    checkSequence(body, header)
    return 'sequence'
  }
  if (/^stateDiagram(-v2)?\s*$/.test(header.text)) {
    checkState(body, header)
    return 'state'
  }
  if (/^(graph|flowchart)\s+(TD|TB|LR|BT|RL)\s*$/i.test(header.text)) {
    checkFlowchart(body, header)
    return 'flowchart'
  }
  throw new DiagramSyntaxError(
    header.number,
    `"${header.text}" is not a diagram type this site draws; start with "sequenceDiagram", "flowchart LR" (or TD, TB, RL, BT) or "stateDiagram-v2"`,
  )
}

function checkSequence(body: SourceLine[], header: SourceLine): void {
  const open: SourceLine[] = []
  let messages = 0
  for (const line of body) {
    if (blockOpeners.test(line.text)) open.push(line)
    else if (/^(else|and)\b/.test(line.text) && open.length > 0) continue
    else if (line.text === 'end') {
      if (!open.pop()) throw new DiagramSyntaxError(line.number, '"end" closes no block')
    } else if (sequenceRules.some((rule) => rule.test(line.text))) {
      if (sequenceRules[2]?.test(line.text)) messages++
    } else {
      throw new DiagramSyntaxError(
        line.number,
        `cannot read "${line.text}"; a message is "From->>To: label" (or -->>, ->, -->, -x, -)), and the label is required`,
      )
    }
  }
  const unclosed = open.at(-1)
  if (unclosed) throw new DiagramSyntaxError(unclosed.number, `"${unclosed.text}" has no "end"`)
  if (messages === 0) throw new DiagramSyntaxError(header.number, 'the diagram has no messages')
}

function checkFlowchart(body: SourceLine[], header: SourceLine): void {
  const open: SourceLine[] = []
  if (body.length === 0) throw new DiagramSyntaxError(header.number, 'the diagram has no nodes')
  for (const line of body) {
    if (flowDirectives.some((rule) => rule.test(line.text))) continue
    if (/^subgraph\s+(.+)$/.test(line.text)) open.push(line)
    else if (line.text === 'end') {
      if (!open.pop()) throw new DiagramSyntaxError(line.number, '"end" closes no subgraph')
    } else checkFlowStatement(line)
  }
  const unclosed = open.at(-1)
  if (unclosed) throw new DiagramSyntaxError(unclosed.number, `"${unclosed.text}" has no "end"`)
}

/** A chain of node groups joined by arrows, read to its last character. */
function checkFlowStatement(line: SourceLine): void {
  let rest = readNodeGroup(line.text, line)
  while (rest !== '') {
    const arrow = flowArrow.exec(rest) ?? flowTextArrow.exec(rest)
    if (!arrow) throw unreadable(line, rest, 'an arrow such as -->, ---, -.-> or ==>')
    rest = readNodeGroup(rest.slice(arrow[0].length).trim(), line)
  }
}

function readNodeGroup(text: string, line: SourceLine): string {
  let rest = readNode(text, line)
  while (rest.startsWith('&')) rest = readNode(rest.slice(1).trim(), line)
  return rest
}

function readNode(text: string, line: SourceLine): string {
  for (const rule of flowNodes) {
    const match = rule.exec(text)
    if (!match) continue
    const rest = text.slice(match[0].length).replace(/^:::[\w][\w-]*/, '')
    if (/^[[({>]/.test(rest)) throw unreadable(line, rest, 'a node label with closing brackets')
    return rest.trim()
  }
  throw unreadable(line, text, 'a node id such as A or A[label]')
}

function unreadable(line: SourceLine, rest: string, expected: string): DiagramSyntaxError {
  const column = line.text.length - rest.length + 1
  return new DiagramSyntaxError(
    line.number,
    `cannot read "${rest}" (column ${column} of "${line.text}"); expected ${expected}`,
  )
}

function checkState(body: SourceLine[], header: SourceLine): void {
  const open: SourceLine[] = []
  let transitions = 0
  for (const line of body) {
    if (/^state\s+(?:"([^"]+)"\s+as\s+)?([\w\p{L}]+)\s*\{$/u.test(line.text)) open.push(line)
    else if (line.text === '}') {
      if (!open.pop()) throw new DiagramSyntaxError(line.number, '"}" closes no state')
    } else if (stateRules.some((rule) => rule.test(line.text))) {
      if (stateRules[3]?.test(line.text)) transitions++
    } else {
      throw new DiagramSyntaxError(
        line.number,
        `cannot read "${line.text}"; a transition is "From --> To: label" ([*] for start and end)`,
      )
    }
  }
  const unclosed = open.at(-1)
  if (unclosed) throw new DiagramSyntaxError(unclosed.number, `"${unclosed.text}" has no "}"`)
  if (transitions === 0)
    throw new DiagramSyntaxError(header.number, 'the diagram has no transitions')
}
