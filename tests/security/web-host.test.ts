import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LibrarySession } from '../../main/library-session'
import { startWebHost, type WebHost } from '../../main/web/server'
import {
  copySample,
  makeTempFolder,
  openTestSession,
  removeFolder,
  sampleCaseIds,
  snapshotTree,
} from '../helpers/temp-library'

// The web host's perimeter (issue 8), beyond tests/web/server.test.ts: the Host check
// (DNS rebinding) on every kind of URL and in its spelling variants, the Origin check on the
// event stream, no CORS grant ever, and body limits for bodies without a Content-Length and for
// the default limit `npm run web` runs with.

const TOKEN = 'security-token-0123456789abcdef'
const INDEX_HTML = '<!doctype html><title>kb</title><div id="root"></div>'

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  text: string
}

let parent: string
let libraryDir: string
let session: LibrarySession
let host: WebHost
let defaultHost: WebHost
let caseId: string

function send(
  target: WebHost,
  path: string,
  options: {
    method?: string
    headers?: Record<string, string>
    body?: string | Buffer
    /** Sent in chunks without a Content-Length (chunked transfer encoding). */
    chunks?: { size: number; count: number }
  } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: target.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
        setHost: options.headers?.Host === undefined,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        res.on('error', reject)
      },
    )
    // The server may answer (413) and close before the whole body is written.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error)
    })
    if (options.chunks) {
      const chunk = Buffer.alloc(options.chunks.size, 0x20)
      let sent = 0
      const pump = () => {
        while (sent < options.chunks!.count) {
          sent++
          if (!req.write(chunk)) return void req.once('drain', pump)
        }
        req.end()
      }
      pump()
    } else req.end(options.body)
  })
}

function authorised(extra: Record<string, string> = {}): Record<string, string> {
  return { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...extra }
}

beforeAll(async () => {
  parent = await makeTempFolder('kb-webhost-sec-')
  libraryDir = await copySample(parent)
  const rendererDir = join(parent, 'renderer')
  await mkdir(rendererDir, { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), INDEX_HTML)
  session = await openTestSession(libraryDir, join(parent, 'app-data'))
  caseId = (await sampleCaseIds())[0]!
  const common = {
    dispatch: session.dispatch,
    events: session.events,
    rendererDir,
    token: TOKEN,
    attachmentPath: (id: string, name: string) => session.library().attachments.pathOf(id, name),
  }
  host = await startWebHost({ ...common, maxBodyBytes: 64 * 1024 })
  // As `npm run web` starts it: no maxBodyBytes, so the built-in default applies.
  defaultHost = await startWebHost(common)
})

afterAll(async () => {
  await host?.close()
  await defaultHost?.close()
  if (parent) await removeFolder(parent)
})

describe('web host: Host header (DNS rebinding)', () => {
  const foreignHosts = (port: number) => [
    `attacker.example:${port}`,
    'attacker.example',
    `127.0.0.1.nip.io:${port}`,
    `localhost.attacker.example:${port}`,
    `0.0.0.0:${port}`,
    `[::1]:${port}`,
    `127.0.0.2:${port}`,
    `127.0.0.1:${port + 1}`,
    '127.0.0.1',
    'localhost',
    `127.0.0.1:${port}@attacker.example`,
    `user@127.0.0.1:${port}`,
    '',
  ]

  it('refuses every foreign or misspelt Host with 403, for the API, the page, attachments and events', async () => {
    const paths = [
      ['POST', '/api/cases.list'],
      ['GET', '/'],
      ['GET', '/index.html'],
      ['GET', `/attachments/${caseId}/photo.png?token=${TOKEN}`],
      ['GET', `/api/events?token=${TOKEN}`],
    ] as const
    for (const hostHeader of foreignHosts(host.port)) {
      for (const [method, path] of paths) {
        const answer = await send(host, path, {
          method,
          headers: authorised({ Host: hostHeader }),
          body: method === 'POST' ? '{"args":[]}' : undefined,
        })
        expect(answer.status, `${method} ${path} with Host ${JSON.stringify(hostHeader)}`).toBe(403)
        expect(answer.text).not.toContain('<div id="root">')
        expect(answer.text).not.toContain('"cases"')
      }
    }
  })

  it('accepts its own Host spelt 127.0.0.1:<port> or localhost:<port>', async () => {
    for (const hostHeader of [`127.0.0.1:${host.port}`, `localhost:${host.port}`]) {
      const answer = await send(host, '/', { headers: { Host: hostHeader } })
      expect(answer.status, hostHeader).toBe(200)
    }
  })
})

describe('web host: origins and CORS', () => {
  it('refuses the event stream to another origin with 403, even with the token', async () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${host.port + 1}`]) {
      const answer = await send(host, `/api/events?token=${TOKEN}`, { headers: { Origin: origin } })
      expect(answer.status, origin).toBe(403)
      expect(answer.headers['content-type']).not.toContain('text/event-stream')
    }
  })

  it('refuses a cross-origin "simple" POST (text/plain, as a hostile page could send) with 403', async () => {
    const answer = await send(host, `/api/cases.create?token=${TOKEN}`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Origin: 'https://evil.example' },
      body: JSON.stringify({ args: [{ meta: { title: 'CSRF' } }] }),
    })
    expect(answer.status).toBe(403)
  })

  it('never grants CORS: no Access-Control-Allow-* header on any answer, preflight included', async () => {
    const answers = [
      await send(host, '/api/cases.list', {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://evil.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization,content-type',
        },
      }),
      await send(host, '/api/cases.list', {
        method: 'POST',
        headers: authorised({ Origin: 'https://evil.example' }),
        body: '{"args":[]}',
      }),
      await send(host, '/api/cases.list', {
        method: 'POST',
        headers: authorised(),
        body: '{"args":[]}',
      }),
    ]
    expect(answers[0]!.status).not.toBe(200)
    for (const answer of answers) {
      const names = Object.keys(answer.headers).filter((h) => h.startsWith('access-control-'))
      expect(names).toEqual([])
    }
  })

  it('refusals carry the security headers and no library data', async () => {
    for (const answer of [
      await send(host, '/api/cases.list', { method: 'POST', body: '{"args":[]}' }),
      await send(host, '/api/cases.list', {
        method: 'POST',
        headers: authorised({ Origin: 'http://evil.example' }),
        body: '{"args":[]}',
      }),
    ]) {
      expect([401, 403]).toContain(answer.status)
      expect(answer.headers['x-content-type-options']).toBe('nosniff')
      expect(answer.headers['x-frame-options']).toBe('DENY')
      expect(answer.headers['content-security-policy']).toContain("default-src 'self'")
      expect(answer.text).not.toContain(caseId)
    }
  })
})

describe('web host: request bodies', () => {
  it('refuses an oversized body sent without a Content-Length (chunked) with 413 and runs nothing', async () => {
    const before = await snapshotTree(libraryDir)
    const answer = await send(host, '/api/cases.create', {
      method: 'POST',
      headers: authorised(),
      chunks: { size: 16 * 1024, count: 16 }, // 256 KB against a 64 KB limit
    })
    expect(answer.status).toBe(413)
    expect(await snapshotTree(libraryDir)).toEqual(before)
  })

  it('the default limit (as `npm run web` runs) refuses a body over 40 MB with 413', async () => {
    const before = (await readdir(join(libraryDir, 'cases'))).length
    const answer = await send(defaultHost, '/api/cases.create', {
      method: 'POST',
      headers: authorised(),
      chunks: { size: 1024 * 1024, count: 41 },
    })
    expect(answer.status).toBe(413)
    expect((await readdir(join(libraryDir, 'cases'))).length).toBe(before)
  })

  it('does not read the body of a request without the token (401 before any upload is accepted)', async () => {
    const answer = await send(host, '/api/cases.create', {
      method: 'POST',
      chunks: { size: 16 * 1024, count: 16 },
    })
    expect(answer.status).toBe(401)
  })

  it('a JSON body with a __proto__ "args" key is not taken for the arguments', async () => {
    const answer = await send(host, '/api/cases.create', {
      method: 'POST',
      headers: authorised(),
      body: '{"__proto__":{"args":[{"meta":{"title":"汚染"}}]}}',
    })
    // No own `args`: the call runs with no arguments, which cases.create refuses.
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.text)).toMatchObject({ ok: false, error: { code: 'invalid' } })
    expect(({} as Record<string, unknown>).args).toBeUndefined()
  })
})
