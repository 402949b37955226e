import type { TypeErrorAt } from '../editor/monaco-editor'
import { formatCodeLocation, type CodeError, type Verdict } from '../grader/verdict'

/**
 * The list of checks in a verdict: a tick for each pass, with its message when it has one (a caught
 * mutant names the test that caught it); for each failure its message, hint and a button to the
 * line that threw. The first failure is open.
 *
 * @param verdict - a graded verdict
 * @returns the `<ol class="checks">`
 * @example
 * results.append(checkList(verdict))
 */
export function checkList(verdict: Verdict): HTMLOListElement {
  const list = document.createElement('ol')
  list.className = 'checks'
  let firstFailure = true
  for (const check of verdict.checks) {
    const item = document.createElement('li')
    item.dataset['passed'] = String(check.passed)
    const mark = `<span class="mark" aria-hidden="true">${check.passed ? '✓' : '✗'}</span>`
    const label = `<span class="visually-hidden">${check.passed ? 'Passed:' : 'Failed:'}</span>`
    if (check.passed) {
      item.innerHTML = `${mark}${label}<span class="check-name"></span>`
      item.querySelector('.check-name')!.textContent = check.name
      // A pass with something to say (a mutant: which test caught it) says it under the name.
      if (check.message) {
        const message = document.createElement('p')
        message.className = 'check-message'
        message.textContent = check.message
        item.append(message)
      }
    } else {
      const details = document.createElement('details')
      details.open = firstFailure
      firstFailure = false
      details.innerHTML = `<summary>${mark}${label}<span class="check-name"></span></summary><p class="check-message"></p>`
      details.querySelector('.check-name')!.textContent = check.name
      details.querySelector('.check-message')!.textContent = check.message ?? ''
      if (check.hint) {
        const hint = document.createElement('p')
        hint.className = 'check-hint'
        hint.textContent = `Hint: ${check.hint}`
        details.append(hint)
      }
      const goTo = goToButton(check.error)
      if (goTo) details.append(goTo)
      item.append(details)
    }
    list.append(item)
  }
  return list
}

/**
 * A button that shows where learner code threw, in the editor (`<exercise-files>` handles it).
 *
 * @param error - where the code threw
 * @returns the button, or null when the place is not known
 * @example
 * const button = goToButton({ message: 'x is not defined', file: 'app.ts', line: 3 })
 */
export function goToButton(error: CodeError | undefined): HTMLButtonElement | null {
  if (!error?.file || !error.line) return null
  const button = document.createElement('button')
  button.type = 'button'
  button.className = 'button subtle go-to'
  button.dataset['goTo'] = `${error.file}:${error.line}:${error.column ?? 1}`
  button.textContent = `Show ${formatCodeLocation(error)} in the editor`
  return button
}

/**
 * "N type errors (the checks still ran)", each a link that moves the editor's cursor to its line.
 *
 * @param errors - type errors by file
 * @returns the section, or null when there are none
 * @example
 * const section = typeErrorList({ 'app.ts': [{ line: 3, column: 7, message: '…' }] })
 */
export function typeErrorList(errors: Record<string, TypeErrorAt[]>): HTMLElement | null {
  const all = Object.entries(errors).flatMap(([file, list]) =>
    list.map((error) => ({ file, ...error })),
  )
  if (all.length === 0) return null
  const section = document.createElement('section')
  section.className = 'type-errors'
  const heading = document.createElement('p')
  heading.className = 'type-errors-heading'
  heading.textContent = `${all.length} type ${all.length === 1 ? 'error' : 'errors'} (the checks still ran)`
  const list = document.createElement('ul')
  for (const error of all) {
    const item = document.createElement('li')
    const link = document.createElement('button')
    link.type = 'button'
    link.className = 'line-link'
    link.dataset['goTo'] = `${error.file}:${error.line}:${error.column}`
    link.textContent = `${error.file} line ${error.line}`
    item.append(link, `: ${error.message}`)
    list.append(item)
  }
  section.append(heading, list)
  return section
}

/**
 * Make a terminal show exactly `lines`, adding only what is new.
 *
 * @param terminal - the `<ol class="terminal">`
 * @param lines - the lines printed so far
 * @example
 * fillTerminal(terminal, ['1. GET / → 200'])
 */
export function fillTerminal(terminal: HTMLOListElement, lines: readonly string[]): void {
  lines.forEach((line, index) => {
    const existing = terminal.children[index]
    if (existing?.textContent === line) return
    const item = document.createElement('li')
    item.textContent = line
    if (existing) existing.replaceWith(item)
    else terminal.append(item)
  })
  while (terminal.children.length > lines.length) terminal.lastElementChild?.remove()
}

/**
 * Give `parent` exactly these children, in order, leaving in place the ones already there.
 *
 * @param parent - the element
 * @param children - its new children
 * @example
 * setChildren(results, [heading, terminal])
 */
export function setChildren(parent: HTMLElement, children: readonly HTMLElement[]): void {
  for (const old of [...parent.children]) if (!children.includes(old as HTMLElement)) old.remove()
  children.forEach((child, index) => {
    if (parent.children[index] !== child) parent.insertBefore(child, parent.children[index] ?? null)
  })
}
