import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import ts from 'typescript'
import { afterAll, describe, expect, it } from 'vitest'
import { readApiReference } from '../course/api-reference'

const ENTRY = resolve('src/login-manager/index.ts')

// Lessons and the reference page show these comments, so every public export must carry them.
describe('public API documentation', () => {
  const api = readApiReference('src/login-manager/index.ts')

  it('finds the exports', () => {
    expect(api.length).toBeGreaterThan(30)
  })

  it('gives every export a summary and an @example', () => {
    const missing = api
      .filter((entry) => !entry.summary || entry.examples.length === 0)
      .map((entry) => `${entry.kind} ${entry.name}`)
    expect(missing).toEqual([])
  })

  it('documents each function parameter and what it returns', () => {
    const missing = api
      .filter((entry) => entry.kind === 'function')
      .flatMap((entry) => {
        const problems: string[] = []
        // The parameter list, with object-literal types removed so their members don't count.
        let declared = /\(([^)]*)\)/.exec(entry.signature)?.[1] ?? ''
        while (/\{[^{}]*\}/.test(declared)) declared = declared.replace(/\{[^{}]*\}/g, '')
        for (const name of declared.match(/\b\w+(?=\??:)/g) ?? []) {
          if (!entry.params.some((param) => param.name === name))
            problems.push(`${entry.name}: @param ${name}`)
        }
        if (!/\):\s*(void|Promise<void>)$/.test(entry.signature) && !entry.returns)
          problems.push(`${entry.name}: @returns`)
        return problems
      })
    expect(missing).toEqual([])
  })
})

/** One `@example` block: the file it is in, the export (and member) it documents, its code. */
interface Example {
  file: string
  name: string
  code: string
}

/** The name a declaration contributes to an example's label, if any. */
function nameOf(node: ts.Node): string | undefined {
  if (ts.isVariableStatement(node))
    return node.declarationList.declarations.map((d) => d.name.getText()).join(', ')
  if (ts.isConstructorDeclaration(node)) return 'constructor'
  if (
    (ts.isClassDeclaration(node) ||
      ts.isInterfaceDeclaration(node) ||
      ts.isTypeAliasDeclaration(node) ||
      ts.isFunctionDeclaration(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isMethodSignature(node) ||
      ts.isPropertyDeclaration(node) ||
      ts.isPropertySignature(node) ||
      ts.isGetAccessorDeclaration(node)) &&
    node.name
  )
    return node.name.getText()
  return undefined
}

/** Every `@example` in `index.ts` and in the files it re-exports from, labelled `Class.member`. */
function collectExamples(entry: string): Example[] {
  const index = ts.createSourceFile(
    entry,
    readFileSync(entry, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  )
  const files = [
    entry,
    ...index.statements
      .filter(ts.isExportDeclaration)
      .map((d) => resolve(dirname(entry), `${(d.moduleSpecifier as ts.StringLiteral).text}.ts`)),
  ]
  const examples: Example[] = []
  for (const file of files) {
    const source = ts.createSourceFile(
      file,
      readFileSync(file, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    )
    const seen = new Set<number>()
    const visit = (node: ts.Node) => {
      for (const tag of ts.getJSDocTags(node)) {
        // A JSDoc comment is reported for its declaration and for parts of it; take it once.
        if (tag.tagName.text !== 'example' || seen.has(tag.pos)) continue
        seen.add(tag.pos)
        const names: string[] = []
        for (let at: ts.Node = node; !ts.isSourceFile(at); at = at.parent) {
          const name = nameOf(at)
          if (name) names.unshift(name)
        }
        examples.push({
          file: file.slice(dirname(entry).length + 1),
          name: names.join('.') || '(module)',
          code: ts.getTextOfJSDocComment(tag.comment) ?? '',
        })
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return examples
}

/** The names an example declares or imports at its top level. */
function declaredBy(code: string): Set<string> {
  const source = ts.createSourceFile('example.ts', code, ts.ScriptTarget.Latest, true)
  const names = new Set<string>()
  const bind = (name: ts.BindingName) => {
    if (ts.isIdentifier(name)) names.add(name.text)
    else
      for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name)
  }
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement))
      for (const d of statement.declarationList.declarations) bind(d.name)
    else if (
      (ts.isClassDeclaration(statement) || ts.isFunctionDeclaration(statement)) &&
      statement.name
    )
      names.add(statement.name.text)
    else if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause
      if (clause?.name) names.add(clause.name.text)
      const bindings = clause?.namedBindings
      if (bindings && ts.isNamedImports(bindings))
        for (const element of bindings.elements) names.add(element.name.text)
    }
  }
  return names
}

/** A module's exports as import specifiers: `name`, or `type Name` for a type. */
function exportsOf(program: ts.Program, file: string): string[] {
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(file)
  const symbol = source && checker.getSymbolAtLocation(source)
  return (symbol ? checker.getExportsOfModule(symbol) : []).map((exported) => {
    const target =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
    return target.flags & ts.SymbolFlags.Value ? exported.name : `type ${exported.name}`
  })
}

/**
 * The names an example may use without defining them, as in a route file of an app: the library's
 * exports (and those of the example's own module), Hono, a `User` with a password hash, a `db` to
 * find users in, the `loginManager`, the `app`, a route's context `c`, and `process.env`. Names
 * the example defines itself are left out.
 */
function prelude(example: Example, own: string[], library: string[]): string {
  const mine = declaredBy(example.code)
  const free = (names: string[]) => names.filter((name) => !mine.has(name.replace(/^type /, '')))
  const fromOwn = free(own.filter((name) => !library.includes(name)))
  const imports: Array<[string[], string]> = [
    [free(['Hono', 'type Context']), 'hono'],
    [free(library), 'signed-in/login-manager'],
    [fromOwn, resolve(dirname(ENTRY), example.file).replace(/\.ts$/, '')],
  ]
  const lines = imports
    .filter(([names]) => names.length > 0)
    .map(([names, from]) => `import { ${names.join(', ')} } from '${from}'`)
  const ambient: Record<string, string> = {
    User: 'declare class User extends UserMixin { override id: string; name: string; passwordHash: string; constructor(id: string, name: string, passwordHash: string) }',
    db: 'declare const db: { findUser(id: string): Promise<User | null>; findUserByName(name: string): Promise<User | null>; findUserByApiKey(key: string): Promise<User | null> }',
    loginManager: 'declare const loginManager: LoginManager<User>',
    app: 'declare const app: Hono<{ Variables: LoginVariables<User> }>',
    c: 'declare const c: Context',
    process: 'declare const process: { env: Record<string, string | undefined> }',
  }
  for (const [name, declaration] of Object.entries(ambient))
    if (!mine.has(name)) lines.push(declaration)
  return `${lines.join('\n')}\nexport {}\n`
}

/** Type-check the examples; returns one line per problem, naming the file and the export. */
function typeCheck(examples: Example[], entry: string): string[] {
  const root = resolve('.')
  const parsed = ts.parseJsonConfigFileContent(
    ts.readConfigFile(join(root, 'tsconfig.json'), (path) => ts.sys.readFile(path)).config,
    ts.sys,
    root,
  )
  const options: ts.CompilerOptions = {
    ...parsed.options,
    // Examples are fragments: a name shown for illustration need not be used.
    noUnusedLocals: false,
    noUnusedParameters: false,
    noEmit: true,
    paths: { 'signed-in/login-manager': [entry] },
    // The library needs no Node types; the examples' one Node name, process.env, is in the prelude.
    types: [],
  }
  const directory = mkdtempSync(join(tmpdir(), 'login-manager-examples-'))
  cleanups.push(() => rmSync(directory, { recursive: true, force: true }))
  // The examples import `hono` as an app would, so they see this project's node_modules.
  symlinkSync(join(root, 'node_modules'), join(directory, 'node_modules'), 'dir')
  const sources = [...new Set(examples.map((e) => resolve(dirname(entry), e.file)))]
  const meta = ts.createProgram([entry, ...sources.filter((f) => ts.sys.fileExists(f))], options)
  const library = exportsOf(meta, entry)
  const ownExports = new Map<string, string[]>()
  const written = examples.map((example, i) => {
    const file = resolve(dirname(entry), example.file)
    if (!ownExports.has(file)) ownExports.set(file, exportsOf(meta, file))
    const head = prelude(example, ownExports.get(file) ?? [], library)
    const path = join(
      directory,
      `${String(i).padStart(3, '0')}-${basename(example.file, '.ts')}.ts`,
    )
    writeFileSync(path, head + example.code + '\n')
    return { example, path, preludeLines: head.split('\n').length - 1 }
  })
  const program = ts.createProgram({
    rootNames: written.map((w) => w.path),
    options,
    oldProgram: meta,
  })
  const problems: string[] = []
  for (const { example, path, preludeLines } of written) {
    const source = program.getSourceFile(path)
    if (!source) throw new Error(`${path} was not compiled`)
    for (const diagnostic of [
      ...program.getSyntacticDiagnostics(source),
      ...program.getSemanticDiagnostics(source),
    ]) {
      const { line } = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0)
      const where = line < preludeLines ? 'prelude' : `line ${line - preludeLines + 1}`
      problems.push(
        `${example.file} › ${example.name} (${where}): ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`,
      )
    }
  }
  return problems
}

const cleanups: Array<() => void> = []
afterAll(() => {
  for (const cleanup of cleanups) cleanup()
})

describe('@example blocks type-check', () => {
  const examples = collectExamples(ENTRY)

  it('finds the examples of every file index.ts exports, members included', () => {
    const names = examples.map((e) => `${e.file} › ${e.name}`)
    expect(examples.length).toBeGreaterThan(50)
    for (const name of [
      'index.ts › (module)',
      'login-manager.ts › LoginManager.userLoader',
      'users.ts › UserMixin.getId',
      'users.ts › UserMixin.equals',
      'utils/password.ts › checkPasswordHash',
    ])
      expect(names).toContain(name)
  })

  it('every example compiles under the project settings; a broken one is reported by file and export', () => {
    const broken: Example = {
      file: 'login-manager.ts',
      name: 'canary',
      code: "await loginUser(c, 'not a user')",
    }
    const problems = typeCheck([...examples, broken], ENTRY)
    expect(problems.filter((p) => !p.includes('› canary'))).toEqual([])
    expect(problems.some((p) => p.startsWith('login-manager.ts › canary (line 1): '))).toBe(true)
  })
})
