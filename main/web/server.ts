import { timingSafeEqual } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { basename, extname, join, resolve, sep } from 'node:path'
import type { KbEvent } from '../../common/api'
import type { Dispatch } from '../api/dispatch'
import type { EventHub } from '../api/events'
import { CONTENT_SECURITY_POLICY } from '../security/csp'

export interface WebHostOptions {
  dispatch: Dispatch
  events: EventHub
  /** The built renderer (out/renderer). */
  rendererDir: string
  token: string
  port?: number
  /** Resolves an attachment to a file path, or throws when the case or name is invalid. */
  attachmentPath?: (caseId: string, name: string) => Promise<string>
  /** Largest accepted request body; attachments travel base64-encoded inside it. */
  maxBodyBytes?: number
}

export interface WebHost {
  url: string
  port: number
  close(): Promise<void>
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}
// Attachments of other kinds are offered as downloads, never rendered in the app's origin.
const INLINE_ATTACHMENT_TYPES = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp'])

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
}

/**
 * Serves the built renderer and the API over HTTP on 127.0.0.1, for browser tests and for users
 * who cannot install the desktop app. Every API call needs the per-start token; requests from
 * other origins or with another Host (DNS rebinding) are refused.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { dispatch, events, token } = options
  const rendererDir = resolve(options.rendererDir)
  const maxBodyBytes = options.maxBodyBytes ?? 40 * 1024 * 1024
  const streams = new Set<ServerResponse>()
  let origin = ''

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: String(error) })
      else res.end()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin)
    if (!isAllowedHost(req.headers.host)) return sendJson(res, 403, { error: 'host not allowed' })
    if (url.pathname.startsWith('/api/')) {
      if (!hasToken(req, url)) return sendJson(res, 401, { error: 'missing or wrong token' })
      if (req.headers.origin !== undefined && req.headers.origin !== origin) {
        return sendJson(res, 403, { error: 'cross-origin request refused' })
      }
      if (url.pathname === '/api/events' && req.method === 'GET') return openEventStream(res)
      if (req.method !== 'POST') return sendJson(res, 405, { error: 'use POST' })
      return callMethod(req, res, url.pathname.slice('/api/'.length))
    }
    if (url.pathname.startsWith('/attachments/')) {
      if (!hasToken(req, url)) return sendJson(res, 401, { error: 'missing or wrong token' })
      return serveAttachment(res, url.pathname)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendJson(res, 405, { error: 'GET only' })
    return serveStatic(res, url.pathname)
  }

  function isAllowedHost(host: string | undefined): boolean {
    const port = (server.address() as AddressInfo | null)?.port
    return host === `127.0.0.1:${port}` || host === `localhost:${port}`
  }

  function hasToken(req: IncomingMessage, url: URL): boolean {
    const header = req.headers.authorization
    const given = header?.startsWith('Bearer ') ? header.slice(7) : url.searchParams.get('token')
    if (!given) return false
    const a = Buffer.from(given)
    const b = Buffer.from(token)
    return a.length === b.length && timingSafeEqual(a, b)
  }

  async function callMethod(req: IncomingMessage, res: ServerResponse, method: string) {
    const body = await readBody(req, maxBodyBytes)
    if (body === 'too_large') return sendJson(res, 413, { error: 'request body too large' })
    let parsed: unknown
    try {
      parsed = JSON.parse(body)
    } catch {
      return sendJson(res, 400, { error: 'malformed JSON' })
    }
    const args =
      typeof parsed === 'object' && parsed !== null
        ? (parsed as { args?: unknown }).args
        : undefined
    sendJson(res, 200, await dispatch(method, args ?? []))
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    })
    res.write(': connected\n\n')
    streams.add(res)
    const unsubscribe = events.subscribe((event: KbEvent) => {
      res.write(`data: ${JSON.stringify(event)}\n\n`)
    })
    res.on('close', () => {
      unsubscribe()
      streams.delete(res)
    })
  }

  async function serveAttachment(res: ServerResponse, pathname: string): Promise<void> {
    let file: string
    try {
      // Exactly /attachments/<case>/<name>: extra segments or bad escapes are not a file.
      const parts = pathname.slice('/attachments/'.length).split('/').map(decodeURIComponent)
      if (!options.attachmentPath || parts.length !== 2) throw new Error('not an attachment path')
      file = await options.attachmentPath(parts[0]!, parts[1]!)
    } catch {
      return sendJson(res, 404, { error: 'not found' })
    }
    const ext = extname(file).toLowerCase()
    const inline = INLINE_ATTACHMENT_TYPES.has(ext)
    await sendFile(res, file, {
      'Content-Type': inline
        ? (CONTENT_TYPES[ext] ?? 'application/octet-stream')
        : 'application/octet-stream',
      'Content-Disposition': inline
        ? 'inline'
        : `attachment; filename*=UTF-8''${encodeURIComponent(basename(file))}`,
    })
  }

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    let relative: string
    try {
      relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '')
    } catch {
      return sendJson(res, 404, { error: 'not found' })
    }
    const file = resolve(join(rendererDir, relative))
    if (file !== rendererDir && !file.startsWith(rendererDir + sep)) {
      return sendJson(res, 404, { error: 'not found' })
    }
    await sendFile(res, file, {
      'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    })
  }

  async function sendFile(res: ServerResponse, file: string, headers: Record<string, string>) {
    const info = await stat(file).catch(() => null)
    if (!info?.isFile()) return sendJson(res, 404, { error: 'not found' })
    res.writeHead(200, { ...SECURITY_HEADERS, ...headers, 'Content-Length': info.size })
    createReadStream(file).pipe(res)
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen())
  })
  const port = (server.address() as AddressInfo).port
  origin = `http://127.0.0.1:${port}`
  return {
    port,
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const stream of streams) stream.end()
        server.close(() => resolveClose())
        server.closeAllConnections()
      }),
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  })
  res.end(text)
}

function readBody(req: IncomingMessage, limit: number): Promise<string | 'too_large'> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) tooLarge = true
      else chunks.push(chunk)
    })
    req.on('end', () =>
      resolveBody(tooLarge ? 'too_large' : Buffer.concat(chunks).toString('utf8')),
    )
    req.on('error', reject)
  })
}
