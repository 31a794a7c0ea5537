/**
 * A Git remote for the sync tests and the sync benchmark: a bare repository in a temp folder,
 * served on 127.0.0.1 by git's own `git http-backend` (CGI, from Debian's `git` package) behind
 * a small Node HTTP server that requires HTTP basic auth, as Gitea/Forgejo and Apache do.
 * Nothing ever listens beyond loopback.
 */
import { execFile, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdir } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const HTTP_BACKEND = process.env.GIT_HTTP_BACKEND ?? '/usr/lib/git-core/git-http-backend'

export interface GitHttpServer {
  /** `http://127.0.0.1:<port>/<name>.git` */
  url: string
  /** The bare repository on disk (for `git fsck` and inspection). */
  repoDir: string
  user: string
  token: string
  /** Stops answering (connections refused from now on) until `start` again. */
  stop(): Promise<void>
  start(): Promise<void>
  /** How many requests were refused for bad credentials. */
  readonly refusedAuth: number
  /**
   * Cuts the connection of the next requests whose URL contains `part` (e.g. `git-receive-pack`
   * for a push), as a network that drops mid-sync does.
   */
  dropNext(part: string, count?: number): void
}

/** Creates an empty bare repository under `root` and serves it; the caller stops it. */
export async function startGitHttpServer(
  root: string,
  { name = 'library', user = 'kb-user', token = 'secret-token' } = {},
): Promise<GitHttpServer> {
  const repoDir = join(root, `${name}.git`)
  await mkdir(repoDir, { recursive: true })
  await run('git', ['init', '--bare', '--quiet', '--initial-branch=main', repoDir])
  await run('git', ['-C', repoDir, 'config', 'http.receivepack', 'true'])
  const expected = 'Basic ' + Buffer.from(`${user}:${token}`).toString('base64')
  let refusedAuth = 0
  const drops: { part: string; count: number }[] = []

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const drop = drops.find((d) => d.count > 0 && (req.url ?? '').includes(d.part))
    if (drop) {
      drop.count--
      return void req.socket.destroy()
    }
    if (req.headers.authorization !== expected) {
      refusedAuth++
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="kb"' })
      return void res.end()
    }
    serveCgi(root, user, req, res)
  }
  let server = createServer(handler)
  let port = 0
  const listen = async () => {
    server = createServer(handler)
    server.listen(port, '127.0.0.1')
    await once(server, 'listening')
    port = (server.address() as AddressInfo).port
  }
  await listen()
  return {
    url: `http://127.0.0.1:${port}/${name}.git`,
    repoDir,
    user,
    token,
    get refusedAuth() {
      return refusedAuth
    },
    dropNext(part, count = 1) {
      drops.push({ part, count })
    },
    async stop() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
    start: listen,
  }
}

/** Runs one request through git http-backend (CGI/1.1) and copies its answer back. */
function serveCgi(root: string, user: string, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const child = spawn(HTTP_BACKEND, [], {
    env: {
      PATH: process.env.PATH,
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      REMOTE_USER: user,
      REMOTE_ADDR: '127.0.0.1',
      REQUEST_METHOD: req.method ?? 'GET',
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.slice(1),
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
      HTTP_GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
    },
  })
  req.pipe(child.stdin)
  let head = Buffer.alloc(0)
  let headersSent = false
  child.stdout.on('data', (chunk: Buffer) => {
    if (headersSent) return void res.write(chunk)
    head = Buffer.concat([head, chunk])
    const end = head.indexOf('\r\n\r\n')
    if (end < 0) return
    let status = 200
    for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
      const colon = line.indexOf(':')
      const key = line.slice(0, colon).trim()
      const value = line.slice(colon + 1).trim()
      if (key.toLowerCase() === 'status') status = Number.parseInt(value, 10)
      else res.setHeader(key, value)
    }
    res.writeHead(status)
    headersSent = true
    res.write(head.subarray(end + 4))
  })
  child.on('close', () => {
    if (!headersSent) res.writeHead(502)
    res.end()
  })
  child.on('error', () => {
    if (!headersSent) res.writeHead(500)
    res.end()
  })
}

/** `git fsck --full` on the server repository; throws with git's output when it is not clean. */
export async function fsckRepository(repoDir: string): Promise<void> {
  await run('git', ['-C', repoDir, 'fsck', '--full', '--strict'])
}
