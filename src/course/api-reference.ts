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

const tagText = (tag: ts.JSDocTagInfo) => ts.displayPartsToString(tag.text).trim()

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
      signature = declaration.getText().split('\n').slice(0, 40).join('\n')
    }
    const members: ApiEntry['members'] = []
    if (ts.isClassDeclaration(declaration)) {
      for (const member of declaration.members) {
        const memberSymbol = member.name && checker.getSymbolAtLocation(member.name)
        if (!memberSymbol || member.name?.getText().startsWith('#')) continue
        const modifiers = ts.getCombinedModifierFlags(member)
        if (modifiers & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue
        const summary = ts
          .displayPartsToString(memberSymbol.getDocumentationComment(checker))
          .trim()
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
      summary: ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim(),
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
