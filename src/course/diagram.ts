import { renderMermaidSVG } from 'beautiful-mermaid'
import { checkDiagramSyntax, DiagramSyntaxError } from './diagram-syntax'

export { checkDiagramSyntax, DiagramSyntaxError, type DiagramKind } from './diagram-syntax'

/**
 * Render a lesson diagram's Mermaid source to an inline SVG at build time (no script reaches the
 * browser). The SVG carries no colours and no fonts of its own: it paints with the `--_text`,
 * `--_line`, `--_node-fill`… custom properties that `Diagram.astro` maps onto the design tokens
 * of `global.css`, so the theme toggle recolours it. Its ids are prefixed with `idPrefix`, so two
 * diagrams on a page never share an id, and it is labelled by a `<title>` holding `alt`.
 *
 * @param code - Mermaid source (sequenceDiagram, flowchart/graph, stateDiagram-v2)
 * @param alt - the text alternative, read by assistive technology in place of the picture
 * @param idPrefix - a prefix unique on the page, for the SVG's ids
 * @returns the `<svg>` element as a string
 * @throws {DiagramSyntaxError} when a line of the source cannot be drawn as written
 * @example
 * const svg = renderDiagram('flowchart LR\n  A --> B', 'A leads to B.', 'd1')
 * svg.startsWith('<svg') // true
 */
export function renderDiagram(code: string, alt: string, idPrefix: string): string {
  checkDiagramSyntax(code)
  const raw = renderMermaidSVG(code, { transparent: true })
  const titleId = `${idPrefix}-title`
  return (
    raw
      // The renderer's own <style> imports a web font and sets page-wide rules; the component's
      // stylesheet supplies the colours and font instead.
      .replace(/<style>[\s\S]*?<\/style>\s*/, '')
      .replace(/(<svg\b[^>]*?)\s+style="[^"]*"/, '$1')
      .replace(/\bid="([^"]+)"/g, `id="${idPrefix}-$1"`)
      .replace(/url\(#([^)]+)\)/g, `url(#${idPrefix}-$1)`)
      .replace(/href="#([^"]+)"/g, `href="#${idPrefix}-$1"`)
      .replace(
        /^<svg\b([^>]*)>/,
        `<svg$1 class="diagram-svg" role="img" aria-labelledby="${titleId}" focusable="false">` +
          `<title id="${titleId}">${escapeXml(alt)}</title>`,
      )
  )
}

/**
 * A short id prefix derived from the diagram's source, stable between builds.
 *
 * @example
 * diagramId('flowchart LR\n  A --> B') // 'diagram-…' (eight hex digits)
 */
export function diagramId(code: string): string {
  let hash = 0x811c9dc5
  for (let index = 0; index < code.length; index++) {
    hash = Math.imul(hash ^ code.charCodeAt(index), 0x01000193) >>> 0
  }
  return `diagram-${hash.toString(16).padStart(8, '0')}`
}

/**
 * Where a diagram mistake is, for the build's error message: the lesson file behind a page path
 * (`/lessons/<slug>/` comes from `lessons/<slug>.mdx`), and the file line of the Mermaid line that
 * failed, found by looking for the diagram's source in the file's text.
 *
 * @param error - what `renderDiagram` threw
 * @param code - the diagram's Mermaid source
 * @param pagePath - the page being built, e.g. `Astro.url.pathname`
 * @param readFile - reads a project file as text (undefined when it cannot)
 * @returns a message such as `lessons/x.mdx:42: <Diagram>: Mermaid line 3: cannot read …`
 * @example
 * const error = new DiagramSyntaxError(2, 'cannot read "A B"')
 * diagramErrorMessage(error, 'flowchart LR\n  A B', '/lessons/x/', () => 'text\nflowchart LR\n  A B')
 * // 'lessons/x.mdx:3: <Diagram>: Mermaid line 2: cannot read "A B"'
 */
export function diagramErrorMessage(
  error: unknown,
  code: string,
  pagePath: string,
  readFile: (path: string) => string | undefined,
): string {
  const slug = /^\/lessons\/([^/]+)\/?$/.exec(pagePath)?.[1]
  const file = slug ? `lessons/${slug}.mdx` : `the page ${pagePath}`
  if (!(error instanceof DiagramSyntaxError)) {
    return `${file}: <Diagram>: ${error instanceof Error ? error.message : String(error)}`
  }
  const text = slug ? readFile(file) : undefined
  const failing = code.split('\n')[error.line - 1]?.trim() ?? ''
  const firstLine = code.split('\n')[0]?.trim() ?? ''
  let fileLine: number | undefined
  if (text && failing) {
    const lines = text.split('\n')
    const start = lines.findIndex((line) => line.includes(firstLine))
    const offset = start < 0 ? -1 : lines.slice(start).findIndex((line) => line.includes(failing))
    const found = start < 0 || offset < 0 ? -1 : start + offset
    if (found >= 0) fileLine = found + 1
  }
  return `${file}${fileLine ? `:${fileLine}` : ''}: <Diagram>: Mermaid line ${error.line}: ${error.detail}`
}

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
}
