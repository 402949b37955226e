// Dependencies run one way: schemas → engines (grader, inspector, quiz, progress, review, search,
// login manager) → the page-side runner → stores → elements and editors → components and pages.
// Build-time Node code (src/course) sits beside the engines and is never imported by code that
// runs in a browser. Each zone below lists the folders its files may NOT import; tests and the
// few files that only support tests are exempt, since a test may reach anywhere.
// tests/lint/import-zones.test.ts plants a wrong-way import in each zone and expects lint to fail.

/** Folders, by layer. */
const ENGINES = [
  'grader',
  'inspector',
  'quiz',
  'progress',
  'review',
  'search',
  'login-manager',
  'db',
]
const PAGE_SIDE = ['runner', 'stores', 'elements', 'editor', 'components', 'layouts', 'pages']

/**
 * `no-restricted-imports` patterns that forbid importing any of `folders` by a relative path.
 *
 * @param {string[]} folders - folder names under src/
 * @returns {{ group: string[], message: string }[]}
 */
function forbid(folders, why) {
  return folders.map((folder) => ({
    group: [`**/${folder}/*`],
    message: `${why} (src/${folder} is on the wrong side: see the folder table in src/grader/README.md).`,
  }))
}

/** Files exempt from the zones: tests and test support. */
const TEST_FILES = ['**/*.test.ts', 'src/quiz/quiz-facts.ts', 'src/login-manager/test-app.ts']

/**
 * One config block per zone.
 *
 * @param {string[]} files - globs of the zone's files
 * @param {{ group: string[], message: string }[]} patterns - what they may not import
 */
function zone(files, patterns) {
  const folders = patterns.map((pattern) => pattern.group[0].slice(3, -2))
  return {
    files,
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': ['error', { patterns }],
      // `import()` is how the page lazy-loads; no-restricted-imports does not see it.
      'no-restricted-syntax': [
        'error',
        {
          selector: `ImportExpression > Literal[value=/(^|\\/)(${folders.join('|')})\\//]`,
          message: `${patterns[0].message.replace(/ \(src\/.*$/, '')} (this import() crosses a zone: see the folder table in src/grader/README.md).`,
        },
      ],
    },
  }
}

export const importZones = [
  zone(
    ['src/schemas/**/*.ts'],
    forbid(
      [...ENGINES, 'course', ...PAGE_SIDE],
      'Schemas come first: they import no engine, build-time or page code',
    ),
  ),
  zone(
    ['src/grader/**/*.ts'],
    forbid(
      ['course', 'quiz', 'progress', 'review', 'search', ...PAGE_SIDE],
      'The grader runs everywhere and stands apart: it never imports the runner, the page or build-time Node code',
    ),
  ),
  zone(
    [
      'src/inspector/**/*.ts',
      'src/quiz/**/*.ts',
      'src/progress/**/*.ts',
      'src/review/**/*.ts',
      'src/search/**/*.ts',
      'src/login-manager/**/*.ts',
      'src/db/**/*.ts',
    ],
    forbid(['course', ...PAGE_SIDE], 'Engines have no DOM and no build-time code'),
  ),
  zone(['src/course/**/*.ts'], forbid(PAGE_SIDE, 'Build-time code never depends on page code')),
  zone(
    ['src/runner/**/*.ts'],
    forbid(
      ['course', 'stores', 'elements', 'editor', 'components', 'layouts', 'pages'],
      'The runner is the page side of the engine: stores use it, never the other way',
    ),
  ),
  zone(
    ['src/stores/**/*.ts'],
    forbid(
      ['course', 'elements', 'editor', 'components', 'layouts', 'pages'],
      'Stores hold the logic that elements render; they import no element or page',
    ),
  ),
  zone(
    ['src/elements/**/*.ts', 'src/editor/**/*.ts', 'src/offline/**/*.ts'],
    forbid(
      ['course', 'components', 'layouts', 'pages'],
      'Client code never imports build-time code or pages',
    ),
  ),
]
