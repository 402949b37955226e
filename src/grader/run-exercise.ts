import { checksBuiltins } from './checks-builtins'
import type { RunProgress } from './harness/grade'
import type { BuiltinLoaders } from './builtin-modules'
import { createAppRealm } from './realm/app-realm'
import { gradeInRealm } from './realm/grade-in-realm'
import type { RealmSource } from './realm/protocol'
import type { RunRequest } from './run-request'
import type { Verdict } from './verdict'

/**
 * App realms that share this realm: the learner's app runs beside the grader, through the same
 * plain-data calls as every isolated runtime, but with no isolation, no time limit, and the host's
 * own environment and clock. For the bench's in-process figure and tests of the engine itself;
 * learner code is graded in a realm of its own (`node-runtime.ts`, the Worker, the WebContainer).
 *
 * @param modules - the modules the learner's code may import, as loaders
 * @returns a realm source
 * @example
 * await gradeInRealm(request, sharedRealms(courseModules), checksBuiltins)
 */
export function sharedRealms(modules: BuiltinLoaders): RealmSource {
  return {
    open: async () => {
      const realm = createAppRealm(modules)
      return {
        call: (call, _signal, answer) => realm.handle(call, answer),
        close: () => undefined,
      }
    },
  }
}

/**
 * Run an exercise in this JavaScript realm, app and grader side by side (see
 * {@link sharedRealms}): refuse while blanks remain, load the checks and the learner's modules,
 * and grade.
 *
 * @param request - files, checks and entry
 * @param modules - the modules code may import, as loaders
 * @param progress - told of an example's printed lines as they happen
 * @returns the verdict
 * @example
 * const verdict = await runExercise({ files, editable: ['app.ts'], checks, entry: 'app.ts' }, courseModules)
 */
export function runExercise(
  request: RunRequest,
  modules: BuiltinLoaders,
  progress: RunProgress = {},
): Promise<Verdict> {
  return gradeInRealm(request, sharedRealms(modules), checksBuiltins, progress)
}
