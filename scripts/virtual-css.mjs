// A stylesheet made at build time (for example from Shiki's themes), served to Vite as a CSS module
// with the id `virtual:<name>.css`, so pages import it like any stylesheet and Vite bundles it.

/**
 * The Vite plugin.
 *
 * @param {string} name - the stylesheet's name: pages import `virtual:<name>.css`
 * @param {string} css - its text
 * @returns {import('vite').Plugin}
 * @example
 * vite: { plugins: [virtualCss('signed-in/code-colours', codeColours.css)] }
 * // in a layout: import 'virtual:signed-in/code-colours.css'
 */
export function virtualCss(name, css) {
  const id = `virtual:${name}.css`
  const resolved = `\0${id}`
  return {
    name: `signed-in:virtual-css:${name}`,
    resolveId(source) {
      return source === id ? resolved : null
    },
    load(loaded) {
      return loaded === resolved ? css : null
    },
  }
}
