import { courseModules, loadBuiltins } from './builtin-modules'
import type { Builtins } from './module-loader'

/**
 * Every module of {@link courseModules}, loaded: what Node-side code (the build, the in-process
 * runtime's grader, the WebContainer's preview) hands `loadModules`. A realm that runs learner
 * code loads from `courseModules` only what the code imports.
 *
 * @example
 * loadModules(files, 'app.ts', courseBuiltins)
 */
export const courseBuiltins: Builtins = await loadBuiltins(courseModules)
