// Monaco's modules import their own stylesheets. Left alone, Vite hoists that CSS (about 35 KB
// gzipped) into every page that might load the editor. This plugin turns each of those imports
// into a tiny module that adds a <style> when the editor code actually runs, so lesson pages only
// pay for Monaco's CSS once someone starts editing.
import { readFileSync } from 'node:fs'

// A virtual id that does not end in .css, so Vite's CSS pipeline leaves it alone.
const PREFIX = '\0monaco-style:'

/**
 * The Vite plugin.
 *
 * @returns {import('vite').Plugin}
 * @example
 * vite: { plugins: [monacoCssOnDemand()] }
 */
export function monacoCssOnDemand() {
  return {
    name: 'signed-in:monaco-css-on-demand',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.endsWith('.css') || !importer) return null
      if (!importer.includes('/monaco-editor/') && !source.includes('monaco-editor/')) return null
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true })
      return resolved ? `${PREFIX}${resolved.id}.js` : null
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null
      const file = id.slice(PREFIX.length, -'.js'.length)
      const css = readFileSync(file, 'utf8')
      const imports = []
      // Fonts and images the CSS points at become real assets with their built URLs.
      const text = css.replace(/url\((['"]?)(\.{1,2}\/[^'")]+)\1\)/g, (_match, _quote, path) => {
        const name = `asset${imports.length}`
        imports.push(
          `import ${name} from ${JSON.stringify(new URL(path, `file://${file}`).pathname + '?url')}`,
        )
        return `url(" + ${name} + ")`
      })
      return `${imports.join('\n')}
const style = document.createElement('style')
style.dataset.monaco = ${JSON.stringify(file.split('/').slice(-1)[0])}
style.textContent = "${text
        .replace(/\\/g, '\\\\')
        .replace(/"/g, '\\"')
        .replace(/\n/g, '\\n')
        .replace(/\\" \+ (asset\d+) \+ \\"/g, '" + $1 + "')}"
document.head.append(style)
`
    },
  }
}
