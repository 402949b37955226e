// A stand-in for @webcontainer/api's WebContainer, for tests on machines where the real one cannot
// boot (it loads from StackBlitz's servers). It honours the same interface and really runs: mount
// writes the tree to a temporary folder, spawn runs real Node there, and server-ready fires when
// the spawned server accepts connections. Node-only; never shipped to the browser.
import type { FileSystemTree } from '@webcontainer/api'
import { spawn as spawnProcess } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { connect, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { WebContainerLike } from './webcontainer-runtime'

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/**
 * A fake WebContainer that really runs Node in a temporary folder.
 *
 * @example
 * const container = await FakeWebContainer.boot()
 * await container.mount(tree)
 * const process = await container.spawn('node', ['runner.mjs', 'request.json'])
 */
export class FakeWebContainer implements WebContainerLike {
  readonly #dir: string
  readonly #listeners = new Set<(port: number, url: string) => void>()
  readonly #children = new Set<{ kill(): void }>()

  private constructor(dir: string) {
    this.#dir = dir
  }

  /** Like `WebContainer.boot()`. */
  static async boot(): Promise<FakeWebContainer> {
    return new FakeWebContainer(await mkdtemp(join(tmpdir(), 'fake-webcontainer-')))
  }

  /** Like `WebContainer.boot()` with StackBlitz unreachable: never settles. */
  static neverBoots(): Promise<FakeWebContainer> {
    return new Promise(() => undefined)
  }

  readonly fs = {
    writeFile: async (path: string, data: string) => {
      await mkdir(dirname(join(this.#dir, path)), { recursive: true })
      await writeFile(join(this.#dir, path), data)
    },
    readFile: (path: string, encoding: 'utf-8' = 'utf-8') =>
      readFile(join(this.#dir, path), encoding),
    mkdir: (path: string) => mkdir(join(this.#dir, path), { recursive: true }),
    rm: (path: string) => rm(join(this.#dir, path), { recursive: true, force: true }),
  }

  async mount(tree: FileSystemTree, prefix = ''): Promise<void> {
    for (const [name, node] of Object.entries(tree)) {
      const path = join(prefix, name)
      if ('directory' in node) await this.mount(node.directory, path)
      else if ('file' in node && 'contents' in node.file)
        await this.fs.writeFile(path, String(node.file.contents))
    }
  }

  async spawn(command: string, args: string[]) {
    const port = await freePort()
    const child = spawnProcess(command === 'node' ? process.execPath : command, args, {
      cwd: this.#dir,
      env: { ...process.env, PORT: String(port) },
    })
    this.#children.add(child)
    const output = new ReadableStream<string>({
      start(controller) {
        let open = 2
        const done = () => (--open === 0 ? controller.close() : undefined)
        child.stdout.on('data', (chunk: Buffer) => controller.enqueue(chunk.toString()))
        child.stderr.on('data', (chunk: Buffer) => controller.enqueue(chunk.toString()))
        child.stdout.on('end', done)
        child.stderr.on('end', done)
      },
    })
    const exit = new Promise<number>((resolve) =>
      child.on('exit', (code) => {
        this.#children.delete(child)
        resolve(code ?? 1)
      }),
    )
    // Like the real one, announce a server once something listens on the port it was given.
    const poll = setInterval(() => {
      const socket = connect(port, '127.0.0.1')
      socket.on('connect', () => {
        socket.destroy()
        clearInterval(poll)
        for (const listener of this.#listeners) listener(port, `http://127.0.0.1:${port}`)
      })
      socket.on('error', () => socket.destroy())
    }, 50)
    void exit.then(() => clearInterval(poll))
    return { output, exit, kill: () => void child.kill() }
  }

  on(_event: 'server-ready', listener: (port: number, url: string) => void): () => void {
    this.#listeners.add(listener)
    return () => void this.#listeners.delete(listener)
  }

  teardown(): void {
    for (const child of this.#children) child.kill()
    void rm(this.#dir, { recursive: true, force: true })
  }
}
