import ts from 'typescript'

/** One exported name of a module, with its documentation. */
export interface ApiEntry {
  name: string
  kind: 'function' | 'class' | 'interface' | 'type' | 'variable'
  /** The declaration's signature, as TypeScript prints it. */
  signature: string
  summary: string
  params: Array<{ name: string; text: string }>
  returns: string
  throws: string
  examples: string[]
  /** Documented members of a class (methods and properties). */
  members: Array<{ name: string; signature: string; summary: string }>
}

const kindOf = (declaration: ts.Declaration): ApiEntry['kind'] =>
  ts.isFunctionDeclaration(declaration)
    ? 'function'
    : ts.isClassDeclaration(declaration)
      ? 'class'
      : ts.isInterfaceDeclaration(declaration)
        ? 'interface'
        : ts.isTypeAliasDeclaration(declaration)
          ? 'type'
          : 'variable'

/**
 * JSDoc text from the compiler's display parts, with every inline link written one way,
 * `{@link target}` or `{@link target | label}`, whichever way the source spelled it
 * (`ts.displayPartsToString` drops the `|`, gluing target and label together).
 *
 * @param parts - a comment's or a tag's display parts
 * @returns the text
 * @example
 * docText(symbol.getDocumentationComment(checker)) // 'Options for {@link LoginManager}.'
 */
export function docText(parts: readonly ts.SymbolDisplayPart[] | undefined): string {
  let text = ''
  let link: { tag: string; name: string; label: string } | undefined
  for (const part of parts ?? []) {
    if (part.kind === 'link' && part.text.startsWith('{@')) {
      link = { tag: part.text.trim(), name: '', label: '' }
    } else if (link && part.kind === 'linkName') {
      link.name += part.text
    } else if (link && part.kind === 'linkText') {
      link.label += part.text
    } else if (link && part.kind === 'link') {
      // Without a name the compiler could resolve, the target is the label's first word.
      let [name, label] = [link.name.trim(), link.label.trim()]
      if (!name) [name = '', label = ''] = label.split(/\s+(.*)/s)
      text += `${link.tag} ${name}${label ? ` | ${label}` : ''}}`
      link = undefined
    } else {
      text += part.text
    }
  }
  return text.trim()
}

const tagText = (tag: ts.JSDocTagInfo) => docText(tag.text)

/** `{@link target}`, `{@link target | label}` or `{@link target label}`, and `linkcode`/`linkplain`. */
const DOC_LINK = /\{@link(code|plain)?\s*([^\s|}]*)\s*(?:\|\s*)?([^}]*)\}/g

/**
 * JSDoc's inline links in source text (a declaration shown as code) as the words a reader sees:
 * the label, or else the target's name.
 *
 * @param source - TypeScript source, comments and all
 * @returns the source with each `{@link …}` replaced
 * @example
 * unlinkDocReferences('// Kept by {@link SessionStore | the store}.') // '// Kept by the store.'
 */
export function unlinkDocReferences(source: string): string {
  return source.replace(
    DOC_LINK,
    (_match, _style, target: string, label: string) => label.trim() || target,
  )
}

/**
 * Turn JSDoc's inline links (`{@link X}`, `{@link X | label}`, `{@linkcode X}`, `{@linkplain X}`)
 * into Markdown: a link to the symbol's anchor when `anchorOf` finds it on the page, a link for
 * an `http(s)` URL, and plain text otherwise (the name as code, or the label as it is). A
 * member's target (`LoginManager.unauthorized`) falls back to its owner's anchor.
 *
 * @param text - JSDoc text, as {@link docText} writes it
 * @param anchorOf - the page's anchor for a name (without `#`), or `undefined` when it has none
 * @returns Markdown with no `{@link …}` left
 * @example
 * const onPage = new Set(['LoginManager'])
 * linkDocReferences('See {@link LoginManager.unauthorized}.', (name) => (onPage.has(name) ? name : undefined))
 * // 'See [`LoginManager.unauthorized`](#LoginManager).'
 */
export function linkDocReferences(
  text: string,
  anchorOf: (name: string) => string | undefined,
): string {
  return text.replace(
    DOC_LINK,
    (_match, style: string | undefined, target: string, rawLabel: string) => {
      const label = rawLabel.trim().replace(/[[\]`\\]/g, '\\$&')
      const name = target.replace(/[`\\]/g, '')
      const code = `\`${name}\``
      const shown = label && style !== 'code' ? label : name ? code : label
      if (/^https?:\/\/[^\s()<>]+$/.test(target)) return `[${label || target}](${target})`
      if (!name) return shown
      const anchor = anchorOf(name) ?? anchorOf(name.split(/[.#]/)[0] ?? '')
      return anchor === undefined ? shown : `[${shown}](#${anchor})`
    },
  )
}

/**
 * Read a module's exports and their JSDoc with the TypeScript compiler, for the API reference page.
 * Runs at build time.
 *
 * @param entry - the module's entry file
 * @returns one entry per export, sorted by kind then name
 * @example
 * const api = readApiReference('src/login-manager/index.ts')
 * api.find((e) => e.name === 'loginUser')?.examples.length // 1
 */
export function readApiReference(entry: string): ApiEntry[] {
  const program = ts.createProgram([entry], {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    noEmit: true,
  })
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(entry)
  const moduleSymbol = source && checker.getSymbolAtLocation(source)
  if (!moduleSymbol) throw new Error(`${entry}: could not read the module's exports.`)
  const entries: ApiEntry[] = []
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
    const declaration = symbol.declarations?.[0]
    if (!declaration) continue
    const tags = symbol.getJsDocTags(checker)
    const kind = kindOf(declaration)
    let signature = exported.name
    if (kind === 'function') {
      const type = checker.getTypeOfSymbolAtLocation(symbol, declaration)
      signature = type
        .getCallSignatures()
        .map((s) => `${exported.name}${checker.signatureToString(s)}`)
        .join('\n')
    } else if (kind === 'class') {
      signature = `class ${exported.name}${(declaration as ts.ClassDeclaration).heritageClauses?.map((h) => ` ${h.getText()}`).join('') ?? ''}`
    } else {
      signature = unlinkDocReferences(declaration.getText().split('\n').slice(0, 40).join('\n'))
    }
    const members: ApiEntry['members'] = []
    if (ts.isClassDeclaration(declaration)) {
      for (const member of declaration.members) {
        const memberSymbol = member.name && checker.getSymbolAtLocation(member.name)
        if (!memberSymbol || member.name?.getText().startsWith('#')) continue
        const modifiers = ts.getCombinedModifierFlags(member)
        if (modifiers & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue
        const summary = docText(memberSymbol.getDocumentationComment(checker))
        if (!summary || memberSymbol.getJsDocTags(checker).some((t) => t.name === 'internal'))
          continue
        members.push({
          name: memberSymbol.name,
          signature: member.getText().split('{')[0]?.trim() ?? '',
          summary,
        })
      }
    }
    entries.push({
      name: exported.name,
      kind,
      signature,
      summary: docText(symbol.getDocumentationComment(checker)),
      params: tags
        .filter((t) => t.name === 'param')
        .map((t) => {
          const text = tagText(t)
          const [name = '', ...rest] = text.split(/\s+/)
          return { name, text: rest.join(' ').replace(/^-\s*/, '') }
        }),
      returns: tags
        .filter((t) => t.name === 'returns')
        .map(tagText)
        .join(' '),
      throws: tags
        .filter((t) => t.name === 'throws')
        .map(tagText)
        .join(' '),
      examples: tags.filter((t) => t.name === 'example').map(tagText),
      members,
    })
  }
  const order = ['class', 'function', 'variable', 'interface', 'type']
  return entries.sort(
    (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.name.localeCompare(b.name),
  )
}
