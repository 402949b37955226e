import { bundledThemes, normalizeTheme, type ShikiTransformer } from 'shiki'

/** The two themes every code block is highlighted with: one per colour scheme. */
export const codeThemes = { light: 'github-light-default', dark: 'github-dark-default' } as const

/** A HAST element as Shiki's hooks hand it over. */
type Element = Parameters<NonNullable<ShikiTransformer['span']>>[0]

/** Classes for token colours, and the stylesheet that gives them their colours. */
export interface CodeColours {
  /**
   * A Shiki transformer (run it after Astro's own) that turns each token's inline
   * `style="color:light-dark(…);--shiki-light:…;--shiki-dark:…"` into at most two short classes,
   * and drops the `<pre>`'s inline colours, which the stylesheet sets once. A token in the themes'
   * default colour gets no class at all. Anything it does not recognise stays inline, so the
   * output never loses a colour or a font style.
   */
  transformer: ShikiTransformer
  /** The rules those classes need: one custom property per theme colour, and one `light-dark()`. */
  css: string
}

/** Split an inline style into its declarations, in order, without the empty ones. */
function declarations(style: string): Array<[string, string]> {
  return style
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.includes(':'))
    .map((part) => {
      const colon = part.indexOf(':')
      return [part.slice(0, colon).trim(), part.slice(colon + 1).trim()]
    })
}

/** A theme's colours: its default foreground first, then every other token colour once. */
async function paletteOf(name: string): Promise<{ fg: string; bg: string; colours: string[] }> {
  const registration = (await bundledThemes[name as keyof typeof bundledThemes]()).default
  // normalizeTheme changes the object it is given, which Shiki's own highlighters load later.
  const theme = normalizeTheme(structuredClone(registration))
  const fg = theme.fg.toLowerCase()
  const colours = new Set([fg])
  for (const rule of theme.settings) {
    const colour = rule.settings.foreground
    if (typeof colour === 'string') colours.add(colour.toLowerCase())
  }
  return { fg, bg: theme.bg.toLowerCase(), colours: [...colours] }
}

/** Class name by colour, for one theme: the default foreground maps to `''` (no class needed). */
function classesFor(prefix: string, colours: string[]): Map<string, string> {
  return new Map(colours.map((colour, index) => [colour, index === 0 ? '' : `${prefix}${index}`]))
}

/** Set the element's inline style to `kept`, or remove it when nothing is left. */
function restyle(node: Element, kept: Array<[string, string]>) {
  if (kept.length === 0) delete node.properties['style']
  else node.properties['style'] = kept.map(([prop, value]) => `${prop}:${value}`).join(';')
}

/**
 * Build the transformer and the stylesheet for {@link codeThemes}. Lesson pages carry thousands
 * of tokens, so two short classes instead of a 90-character inline style per token make the HTML
 * about a third smaller and spare the browser a style declaration per token.
 *
 * @returns the transformer for Shiki and the CSS for the page
 * @example
 * const { transformer, css } = await loadCodeColours()
 * const html = await codeToHtml('const a = 1', { lang: 'ts', themes: codeThemes, defaultColor: 'light-dark()', transformers: [transformer] })
 * html.includes('class="l') && css.includes('.astro-code .l1') // true
 */
export async function loadCodeColours(): Promise<CodeColours> {
  const light = await paletteOf(codeThemes.light)
  const dark = await paletteOf(codeThemes.dark)
  const lightClass = classesFor('l', light.colours)
  const darkClass = classesFor('d', dark.colours)
  /** What a `<pre>`'s own style may say and still be left to the stylesheet. */
  const preDefaults = new Map([
    ['--shiki-light', light.fg],
    ['--shiki-dark', dark.fg],
    ['--shiki-light-bg', light.bg],
    ['--shiki-dark-bg', dark.bg],
  ])

  const transformer: ShikiTransformer = {
    name: 'signed-in:code-colours',
    pre(node) {
      const style = node.properties['style']
      if (typeof style !== 'string') return
      const parts = declarations(style)
      const isDefault = ([prop, value]: [string, string]) =>
        preDefaults.get(prop) === value.toLowerCase()
      // Only when every themed colour is the default can `color` and `background-color` go too.
      const themed = parts.filter(([prop]) => prop.startsWith('--shiki-'))
      if (themed.length !== preDefaults.size || !themed.every(isDefault)) return
      restyle(
        node,
        parts.filter(
          ([prop]) =>
            !prop.startsWith('--shiki-') && prop !== 'color' && prop !== 'background-color',
        ),
      )
    },
    span(node) {
      const style = node.properties['style']
      if (typeof style !== 'string') return
      const parts = declarations(style)
      const value = (prop: string) => parts.find(([name]) => name === prop)?.[1].toLowerCase()
      const lightName = lightClass.get(value('--shiki-light') ?? '')
      const darkName = darkClass.get(value('--shiki-dark') ?? '')
      if (lightName === undefined || darkName === undefined) return
      const moved = new Set(['color', '--shiki-light', '--shiki-dark'])
      restyle(
        node,
        parts.filter(([prop]) => !moved.has(prop)),
      )
      for (const name of [lightName, darkName]) if (name) this.addClassToHast(node, name)
    },
    // A token left with neither class nor style only repeats the line's colour: its text joins the
    // line directly, one element fewer for the browser to style and lay out.
    line(node) {
      const children: typeof node.children = []
      for (const child of node.children) {
        const bare =
          child.type === 'element' &&
          child.tagName === 'span' &&
          Object.keys(child.properties).length === 0 &&
          child.children.every((grandchild) => grandchild.type === 'text')
        for (const part of bare ? child.children : [child]) {
          const last = children.at(-1)
          if (part.type === 'text' && last?.type === 'text') last.value += part.value
          else children.push(part)
        }
      }
      node.children = children
    },
  }

  const rules = [
    `.astro-code{--sl:${light.fg};--sd:${dark.fg};color:light-dark(var(--sl),var(--sd))}`,
    '.astro-code span{color:light-dark(var(--sl),var(--sd))}',
    ...[...lightClass]
      .filter(([, name]) => name)
      .map(([c, name]) => `.astro-code .${name}{--sl:${c}}`),
    ...[...darkClass]
      .filter(([, name]) => name)
      .map(([c, name]) => `.astro-code .${name}{--sd:${c}}`),
  ]
  return { transformer, css: `${rules.join('\n')}\n` }
}
