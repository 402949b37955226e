import type { Mutant } from '../../schemas/mutant'

/**
 * Apply a mutant's patches to the app's files: each `find` must occur exactly once in its file
 * (the entry when no file is named), and is replaced by `replace`. Throws a sentence naming the
 * patch that does not apply, so a stale mutant stops the build.
 *
 * @param files - the reference app's files, by path
 * @param mutant - the mutant
 * @param entry - the file a patch without `file` changes
 * @returns the mutated files (a new object; `files` is untouched)
 * @example
 * applyMutant({ 'app.ts': 'a(); b()' }, { name: 'no-b', description: '…', hint: '…', patches: [{ find: ' b()', replace: '' }] }, 'app.ts')
 * // { 'app.ts': 'a();' }
 */
export function applyMutant(
  files: Readonly<Record<string, string>>,
  mutant: Pick<Mutant, 'patches'>,
  entry: string,
): Record<string, string> {
  const mutated = { ...files }
  mutant.patches.forEach((patch, index) => {
    const path = patch.file ?? entry
    const source = mutated[path]
    if (source === undefined)
      throw new Error(`patches.${index}.file: "${path}" is not a file of the app.`)
    const at = source.indexOf(patch.find)
    if (at === -1)
      throw new Error(
        `patches.${index}.find: the text is not in ${path}, so the patch does not apply.`,
      )
    if (source.indexOf(patch.find, at + 1) !== -1)
      throw new Error(
        `patches.${index}.find: the text occurs more than once in ${path}; quote more of the line so it is found once.`,
      )
    mutated[path] = source.slice(0, at) + patch.replace + source.slice(at + patch.find.length)
  })
  return mutated
}
