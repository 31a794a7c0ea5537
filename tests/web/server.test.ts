import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KbEvent } from '../../common/api'
import type { LibrarySession } from '../../main/library-session'
import { startWebHost, type WebHost } from '../../main/web/server'
import {
  copySample,
  makeTempFolder,
  openTestSession,
  removeFolder,
  sampleCaseIds,
} from '../helpers/temp-library'

const TOKEN = 'test-token-0123456789abcdef'
const MAX_BODY = 64 * 1024
const INDEX_HTML = '<!doctype html><title>kb</title><div id="root"></div>'
const SECRET = 'TOP-SECRET-OUTSIDE-RENDERER'

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
  text: string
}

let parent: string
let libraryDir: string
let session: LibrarySession
let host: WebHost

/** One raw HTTP request: the path goes out exactly as written (no URL normalisation). */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const body = Buffer.concat(chunks)
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text: body.toString('utf8'),
          })
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

/** POST /api/<method> with the token, as the renderer's HTTP bridge does. */
function callApi(
  method: string,
  args: unknown[],
  headers: Record<string, string> = {},
): Promise<Answer> {
  return send(`/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ args }),
  })
}

function json(answer: Answer): {
  ok: boolean
  value?: unknown
  error?: { code: string; message: string }
} {
  return JSON.parse(answer.text) as {
    ok: boolean
    value?: unknown
    error?: { code: string; message: string }
  }
}

/** A Server-Sent Events client that collects `data:` events and lets a test wait for one. */
function openEvents(path: string): Promise<{
  res: IncomingMessage
  next: (match: (e: KbEvent) => boolean) => Promise<KbEvent>
  close: () => void
}> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: host.port, path }, (res) => {
      let buffer = ''
      const events: KbEvent[] = []
      const waiters: { match: (e: KbEvent) => boolean; resolve: (e: KbEvent) => void }[] = []
      const deliver = () => {
        for (const waiter of [...waiters]) {
          const found = events.find(waiter.match)
          if (found) {
            waiters.splice(waiters.indexOf(waiter), 1)
            waiter.resolve(found)
          }
        }
      }
      let connected = false
      res.setEncoding('utf8')
      res.on('data', (text: string) => {
        buffer += text
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          if (block.startsWith(': connected')) connected = true
          for (const line of block.split('\n')) {
            if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)) as KbEvent)
          }
        }
        deliver()
        if (connected) {
          connected = false
          resolve({
            res,
            next: (match) =>
              new Promise((resolveEvent) => {
                waiters.push({ match, resolve: resolveEvent })
                deliver()
              }),
            close: () => req.destroy(),
          })
        }
      })
      if (res.statusCode !== 200) {
        res.resume()
        reject(new Error(`events answered ${res.statusCode}`))
      }
    })
    req.on('error', reject)
    req.end()
  })
}

beforeAll(async () => {
  parent = await makeTempFolder()
  libraryDir = await copySample(parent)
  const rendererDir = join(parent, 'renderer')
  await mkdir(join(rendererDir, 'assets'), { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), INDEX_HTML)
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("kb")')
  // Files next to the renderer folder that no URL may reach.
  await writeFile(join(parent, 'secret.txt'), SECRET)
  await mkdir(join(parent, 'renderer-secret'))
  await writeFile(join(parent, 'renderer-secret', 'file.txt'), SECRET)
  session = await openTestSession(libraryDir, join(parent, 'app-data'))
  host = await startWebHost({
    dispatch: session.dispatch,
    events: session.events,
    rendererDir,
    token: TOKEN,
    maxBodyBytes: MAX_BODY,
    attachmentPath: (caseId, name) => session.library().attachments.pathOf(caseId, name),
  })
})

afterAll(async () => {
  await host?.close()
  if (parent) await removeFolder(parent)
})

describe('web host API', () => {
  it('listens on 127.0.0.1 and puts the token in its URL', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`)
  })

  it('answers POST /api/cases.list with the token with every sample case in an ok envelope', async () => {
    const answer = await callApi('cases.list', [])
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toContain('application/json')
    expect(answer.headers['x-content-type-options']).toBe('nosniff')
    const envelope = json(answer) as {
      ok: true
      value: { cases: { id: string }[]; damaged: unknown[] }
    }
    expect(envelope.ok).toBe(true)
    expect(envelope.value.damaged).toEqual([])
    expect(envelope.value.cases.map((c) => c.id)).toEqual(
      expect.arrayContaining(await sampleCaseIds()),
    )
  })

  it.each([
    ['no token', {}],
    ['a wrong token of the same length', { Authorization: `Bearer ${TOKEN.replace(/.$/, 'X')}` }],
    ['a wrong token of another length', { Authorization: 'Bearer short' }],
    ['an empty bearer token', { Authorization: 'Bearer ' }],
    ['the token without the Bearer scheme', { Authorization: TOKEN }],
  ])(
    'refuses a call with %s with 401 and reveals no data',
    async (_what, headers: Record<string, string>) => {
      const answer = await send('/api/cases.list', { method: 'POST', headers, body: '{"args":[]}' })
      expect(answer.status).toBe(401)
      expect(answer.text).not.toContain('cases')
    },
  )

  it('refuses malformed JSON with 400', async () => {
    const answer = await send('/api/cases.list', {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}` },
      body: '{"args": [',
    })
    expect(answer.status).toBe(400)
  })

  it('refuses a body over maxBodyBytes with 413 and does not run the call', async () => {
    const before = (await readdir(join(libraryDir, 'cases'))).length
    const answer = await send('/api/cases.create', {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ args: [{ body: 'あ'.repeat(MAX_BODY) }] }),
    })
    expect(answer.status).toBe(413)
    expect((await readdir(join(libraryDir, 'cases'))).length).toBe(before)
  })

  it.each(['http://evil.example', 'null', `http://localhost:1`, `https://127.0.0.1`])(
    'refuses a call from the origin %s with 403 even with the token',
    async (origin) => {
      const answer = await callApi('cases.list', [], { Origin: origin })
      expect(answer.status).toBe(403)
    },
  )

  it('accepts a call from its own origin', async () => {
    const answer = await callApi('cases.list', [], { Origin: `http://127.0.0.1:${host.port}` })
    expect(answer.status).toBe(200)
  })

  it('refuses a request for another Host name (DNS rebinding) with 403', async () => {
    const answer = await callApi('cases.list', [], { Host: `attacker.example:${host.port}` })
    expect(answer.status).toBe(403)
  })

  it('refuses GET on an API method with 405', async () => {
    const answer = await send('/api/cases.list', { headers: { Authorization: `Bearer ${TOKEN}` } })
    expect(answer.status).toBe(405)
  })

  it('answers invalid arguments and unknown methods with 200 and an invalid envelope', async () => {
    for (const [method, args] of [
      ['cases.get', ['../../etc']],
      ['cases.get', [1, 2]],
      ['cases.drop', []],
      ['__proto__', []],
    ] as [string, unknown[]][]) {
      const answer = await callApi(method, args)
      expect(answer.status).toBe(200)
      expect(json(answer)).toMatchObject({ ok: false, error: { code: 'invalid' } })
    }
  })

  it('answers a missing case with 200 and a not_found envelope', async () => {
    const answer = await callApi('cases.get', ['no-such-case'])
    expect(answer.status).toBe(200)
    expect(json(answer)).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})

describe('web host events', () => {
  it('pushes a library.changed event over SSE after a case is created over HTTP', async () => {
    const stream = await openEvents(`/api/events?token=${TOKEN}`)
    try {
      expect(stream.res.headers['content-type']).toContain('text/event-stream')
      const created = json(await callApi('cases.create', [{ meta: { title: 'SSEの確認' } }])) as {
        ok: true
        value: { meta: { id: string } }
      }
      expect(created.ok).toBe(true)
      const id = created.value.meta.id
      const event = await stream.next((e) => e.type === 'library.changed' && e.ids.includes(id))
      expect(event).toEqual({ type: 'library.changed', ids: [id] })
    } finally {
      stream.close()
    }
  })

  it('refuses the event stream without the token with 401', async () => {
    expect((await send('/api/events')).status).toBe(401)
    expect((await send('/api/events?token=wrong')).status).toBe(401)
  })

  it('ends open event streams when the host closes', async () => {
    const rendererDir = join(parent, 'renderer')
    const own = await startWebHost({
      dispatch: session.dispatch,
      events: session.events,
      rendererDir,
      token: TOKEN,
    })
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: own.port, path: `/api/events?token=${TOKEN}` },
        resolve,
      )
      req.on('error', reject)
      req.end()
    })
    const ended = new Promise<void>((resolve) => {
      res.on('end', resolve)
      res.on('close', resolve)
      res.resume()
    })
    await own.close()
    await ended
    expect(res.complete).toBe(true)
  })
})

describe('web host static files', () => {
  it('serves index.html at / with the content security policy', async () => {
    const answer = await send('/')
    expect(answer.status).toBe(200)
    expect(answer.text).toBe(INDEX_HTML)
    expect(answer.headers['content-type']).toContain('text/html')
    expect(answer.headers['content-security-policy']).toContain("default-src 'self'")
    expect(answer.headers['x-frame-options']).toBe('DENY')
  })

  it('serves a script with a JavaScript content type and 404 for a missing file', async () => {
    const script = await send('/assets/app.js')
    expect(script.status).toBe(200)
    expect(script.headers['content-type']).toContain('text/javascript')
    expect((await send('/assets/missing.js')).status).toBe(404)
  })

  it.each([
    '/../secret.txt',
    '/../../etc/passwd',
    '/../../../../../../etc/passwd',
    '/%2e%2e/secret.txt',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2fsecret.txt',
    '/..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%2frenderer-secret%2ffile.txt',
    '/..%5csecret.txt',
    '/%2fetc%2fpasswd',
    '//etc/passwd',
    '/index.html%00.png',
  ])('answers the traversal attempt %s with 404 and no file content', async (path) => {
    const answer = await send(path)
    expect(answer.status).toBe(404)
    expect(answer.text).not.toContain(SECRET)
    expect(answer.text).not.toContain('root:')
  })

  // A malformed percent-escape is a bad path: 404, never a 500 with internals.
  it('answers a path with a malformed percent-escape with 404, not 500', async () => {
    const answer = await send('/%E0%A4%A')
    expect(answer.status).toBe(404)
  })
})

describe('web host attachments', () => {
  async function sampleAttachment(): Promise<{ caseId: string; name: string; bytes: Buffer }> {
    for (const caseId of await sampleCaseIds()) {
      const folder = join(libraryDir, 'cases', caseId, 'attachments')
      const names = await readdir(folder).catch(() => [] as string[])
      const png = names.find((n) => n.endsWith('.png'))
      if (png) return { caseId, name: png, bytes: await readFile(join(folder, png)) }
    }
    throw new Error('the sample has no .png attachment')
  }

  it('serves an image attachment with the token in the query, inline, byte for byte', async () => {
    const { caseId, name, bytes } = await sampleAttachment()
    const answer = await send(`/attachments/${caseId}/${encodeURIComponent(name)}?token=${TOKEN}`)
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toBe('image/png')
    expect(answer.headers['content-disposition']).toBe('inline')
    expect(answer.body).toEqual(bytes)
  })

  it('refuses an attachment without the token or with a wrong one with 401', async () => {
    const { caseId, name } = await sampleAttachment()
    expect((await send(`/attachments/${caseId}/${name}`)).status).toBe(401)
    expect((await send(`/attachments/${caseId}/${name}?token=nope`)).status).toBe(401)
  })

  it('offers a non-image attachment as a download, never rendered in the app origin', async () => {
    const caseId = (await sampleCaseIds())[0]!
    const html = '<script>alert(1)</script>'
    const info = await session.library().attachments.add(caseId, 'page.html', Buffer.from(html))
    const answer = await send(`/attachments/${caseId}/${info.name}?token=${TOKEN}`)
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toBe('application/octet-stream')
    expect(answer.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${info.name}`)
    expect(answer.text).toBe(html)
  })

  it.each([
    (id: string) => `/attachments/${id}/..%2fcase.json`,
    (id: string) => `/attachments/${id}/..%2f..%2f..%2flibrary.json`,
    (id: string) => `/attachments/..%2f..%2f${id}/case.json`,
    () => '/attachments/no-such-case/photo.png',
    (id: string) => `/attachments/${id}/missing.png`,
    (id: string) => `/attachments/${id}/`,
  ])('answers a bad attachment path (%#) with 404 and no file content', async (makePath) => {
    const id = (await sampleCaseIds())[0]!
    const answer = await send(`${makePath(id)}?token=${TOKEN}`)
    expect(answer.status).toBe(404)
    expect(answer.text).not.toContain('"schema"')
    expect(answer.text).not.toContain('kyodo-kb/1')
  })
})
