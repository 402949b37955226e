// A stand-in for @webcontainer/api's WebContainer, for tests on machines where the real one cannot
// boot (it loads from StackBlitz's servers). It honours the same interface (the test checks the
// types against the real package) and really runs: mount writes the tree to a temporary folder,
// spawn runs real Node there, and server-ready fires when the spawned server accepts connections.
// Node-only; never shipped to the browser.
import type {
  CodeListener,
  ErrorListener,
  FileSystemTree,
  LoadFilesOptions,
  OpenListener,
  PortListener,
  PreviewMessageListener,
  ServerReadyListener,
  SpawnOptions,
  Unsubscribe,
  WebContainerProcess,
} from '@webcontainer/api'
import { spawn as spawnProcess } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { connect, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, normalize } from 'node:path'
import type { WebContainerLike } from '../../src/runner/webcontainer/webcontainer-runtime'

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
  readonly #serverReady = new Set<ServerReadyListener>()
  readonly #port = new Set<PortListener>()
  readonly #children = new Set<{ kill(): void }>()

  private constructor(dir: string) {
    this.#dir = dir
  }

  /**
   * Like `WebContainer.boot()`.
   *
   * @returns a container over a fresh temporary folder
   * @example
   * const container = await FakeWebContainer.boot()
   */
  static async boot(): Promise<FakeWebContainer> {
    return new FakeWebContainer(await mkdtemp(join(tmpdir(), 'fake-webcontainer-')))
  }

  /**
   * Like `WebContainer.boot()` with StackBlitz unreachable: never settles.
   *
   * @returns a promise that never settles
   * @example
   * new WebContainerRuntime({ boot: () => FakeWebContainer.neverBoots(), loadTree, bootTimeoutMs: 200 })
   */
  static neverBoots(): Promise<FakeWebContainer> {
    return new Promise(() => undefined)
  }

  /** Paths inside the container, like the real one's: relative to its workdir, no escaping it. */
  #path(path: string): string {
    const inside = normalize(`/${path}`)
    return join(this.#dir, inside)
  }

  /** The subset of `FileSystemAPI` the runtime and tests use, with the real overloads. */
  readonly fs: {
    readFile(path: string, encoding?: null): Promise<Uint8Array>
    readFile(path: string, encoding: BufferEncoding): Promise<string>
    writeFile(
      path: string,
      data: string | Uint8Array,
      options?: string | { encoding?: string | null } | null,
    ): Promise<void>
    mkdir(path: string, options?: { recursive?: false }): Promise<void>
    mkdir(path: string, options: { recursive: true }): Promise<string>
    rm(path: string, options?: { force?: boolean; recursive?: boolean }): Promise<void>
  } = {
    readFile: ((path: string, encoding?: BufferEncoding | null) =>
      encoding
        ? readFile(this.#path(path), encoding)
        : readFile(this.#path(path)).then((buffer) => new Uint8Array(buffer))) as never,
    writeFile: async (path, data) => {
      await mkdir(dirname(this.#path(path)), { recursive: true })
      await writeFile(this.#path(path), data)
    },
    mkdir: (async (path: string, options?: { recursive?: boolean }) => {
      await mkdir(this.#path(path), { recursive: options?.recursive ?? false })
      return options?.recursive ? path : undefined
    }) as never,
    rm: (path, options) => rm(this.#path(path), options),
  }

  /**
   * Like `WebContainer.mount`: writes a `FileSystemTree` under the workdir (or `mountPoint`).
   *
   * @param tree - the files; binary snapshots are not supported by the fake
   * @param options - `mountPoint`, a folder to mount under
   * @example
   * await container.mount({ 'a.txt': { file: { contents: 'hi' } } }, { mountPoint: 'sub' })
   */
  async mount(
    tree: FileSystemTree | Uint8Array | ArrayBuffer,
    options: LoadFilesOptions = {},
  ): Promise<void> {
    if (tree instanceof Uint8Array || tree instanceof ArrayBuffer)
      throw new Error('The fake WebContainer mounts FileSystemTree objects only, not snapshots.')
    const prefix = options.mountPoint ?? ''
    for (const [name, node] of Object.entries(tree)) {
      const path = join(prefix, name)
      if ('directory' in node) await this.mount(node.directory, { mountPoint: path })
      else if ('contents' in node.file) await this.fs.writeFile(path, node.file.contents)
      else {
        await mkdir(dirname(this.#path(path)), { recursive: true })
        await symlink(node.file.symlink, this.#path(path))
      }
    }
  }

  /**
   * Like `WebContainer.spawn`: runs the command (real Node for `node`) in the workdir.
   *
   * @example
   * const { output, exit } = await container.spawn('node', ['-e', 'console.log(1)'])
   */
  spawn(command: string, args: string[], options?: SpawnOptions): Promise<WebContainerProcess>
  spawn(command: string, options?: SpawnOptions): Promise<WebContainerProcess>
  async spawn(
    command: string,
    argsOrOptions?: string[] | SpawnOptions,
    maybeOptions?: SpawnOptions,
  ): Promise<WebContainerProcess> {
    const args = Array.isArray(argsOrOptions) ? argsOrOptions : []
    const options = (Array.isArray(argsOrOptions) ? maybeOptions : argsOrOptions) ?? {}
    const port = await freePort()
    const env = Object.fromEntries(
      Object.entries(options.env ?? {}).map(([key, value]) => [key, String(value)]),
    )
    const child = spawnProcess(command === 'node' ? process.execPath : command, args, {
      cwd: this.#path(options.cwd ?? ''),
      env: { ...process.env, PORT: String(port), ...env },
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
    const input = new WritableStream<string>({
      write: (chunk) => void child.stdin.write(chunk),
      close: () => void child.stdin.end(),
    })
    const exit = new Promise<number>((resolve) =>
      child.on('exit', (code) => {
        this.#children.delete(child)
        resolve(code ?? 1)
      }),
    )
    // Like the real one, announce a server once something listens on the port it was given.
    const url = `http://127.0.0.1:${port}`
    let listening = false
    const poll = setInterval(() => {
      const socket = connect(port, '127.0.0.1')
      socket.on('connect', () => {
        socket.destroy()
        if (listening) return
        listening = true
        clearInterval(poll)
        for (const listener of this.#port) listener(port, 'open', url)
        for (const listener of this.#serverReady) listener(port, url)
      })
      socket.on('error', () => socket.destroy())
    }, 50)
    void exit.then(() => {
      clearInterval(poll)
      if (listening) for (const listener of this.#port) listener(port, 'close', url)
    })
    return { input, output, exit, kill: () => void child.kill(), resize: () => undefined }
  }

  /**
   * Like `WebContainer.on`. `server-ready` and `port` fire; the other events never do here.
   *
   * @returns a function that unsubscribes
   * @example
   * const stop = container.on('server-ready', (port, url) => console.log(url))
   */
  on(event: 'port', listener: PortListener): Unsubscribe
  on(event: 'server-ready', listener: ServerReadyListener): Unsubscribe
  on(event: 'preview-message', listener: PreviewMessageListener): Unsubscribe
  on(event: 'error', listener: ErrorListener): Unsubscribe
  on(event: 'xdg-open', listener: OpenListener): Unsubscribe
  on(event: 'code', listener: CodeListener): Unsubscribe
  on(event: string, listener: (...args: never[]) => void): Unsubscribe {
    const set =
      event === 'server-ready'
        ? (this.#serverReady as Set<unknown>)
        : event === 'port'
          ? (this.#port as Set<unknown>)
          : new Set<unknown>()
    set.add(listener)
    return () => void set.delete(listener)
  }

  /**
   * Like `WebContainer.teardown`: stops every process and removes the folder.
   *
   * @example
   * container.teardown()
   */
  teardown(): void {
    for (const child of this.#children) child.kill()
    void rm(this.#dir, { recursive: true, force: true })
  }
}
