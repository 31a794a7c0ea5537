import { join, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { beforeEach, describe, expect, it, vi } from 'vitest'

// Electron is mocked completely: protocol.handle hands us the handler, and net.fetch stands in
// for the file system with a fixed set of files so we can see exactly which file:// URL the
// handler asked for.

type ProtocolHandler = (request: Request) => Promise<Response>

const electron = vi.hoisted(() => ({
  handle: vi.fn(),
  registerSchemesAsPrivileged: vi.fn(),
  fetch: vi.fn(),
}))

vi.mock('electron', () => ({
  protocol: {
    handle: electron.handle,
    registerSchemesAsPrivileged: electron.registerSchemesAsPrivileged,
  },
  net: { fetch: electron.fetch },
}))

const { APP_ORIGIN, APP_SCHEME, handleAppProtocol, registerAppScheme } =
  await import('../../main/app-protocol')
const { CONTENT_SECURITY_POLICY } = await import('../../main/security/csp')

const ROOT = resolve('/srv/kb/out/renderer')
const ATTACHMENTS = resolve('/srv/kb/library/attachments')
/** The files net.fetch can "read"; anything else is a 404, like a missing file. */
const FILES = new Map([
  [join(ROOT, 'index.html'), { body: '<!doctype html>', type: 'text/html' }],
  [join(ROOT, 'assets', 'app.js'), { body: 'console.log(1)', type: 'text/javascript' }],
  [join(ATTACHMENTS, 'case-1', 'photo one.png'), { body: 'PNG', type: 'image/png' }],
  // Files outside the renderer folder that must never be served through app://.
  [resolve('/etc/passwd'), { body: 'root:x:0:0', type: 'text/plain' }],
  [resolve('/srv/kb/out/renderer-evil/x.js'), { body: 'evil()', type: 'text/javascript' }],
  [resolve('/srv/kb/out/main/index.js'), { body: 'main()', type: 'text/javascript' }],
])

let attachmentPath: ReturnType<typeof vi.fn<(caseId: string, name: string) => Promise<string>>>
let handler: ProtocolHandler

beforeEach(() => {
  vi.clearAllMocks()
  electron.fetch.mockImplementation(async (url: string) => {
    const file = FILES.get(fileURLToPath(url))
    return file
      ? new Response(file.body, { status: 200, headers: { 'Content-Type': file.type } })
      : new Response('missing', { status: 404 })
  })
  attachmentPath = vi.fn(async (caseId: string, name: string) => {
    if (caseId.includes('..') || name.includes('..') || /[\\/]/.test(caseId + name))
      throw new Error('bad path')
    return join(ATTACHMENTS, caseId, name)
  })
  handleAppProtocol(ROOT, attachmentPath)
  expect(electron.handle).toHaveBeenCalledOnce()
  const [scheme, registered] = electron.handle.mock.calls[0] as [string, ProtocolHandler]
  expect(scheme).toBe('app')
  handler = registered
})

/** Calls the handler with the raw URL string (Chromium hands it over already parsed). */
function request(url: string): Promise<Response> {
  return handler({ url, method: 'GET', headers: new Headers() } as unknown as Request)
}

/** The files net.fetch was asked for, as paths. */
function fetchedFiles(): string[] {
  return electron.fetch.mock.calls.map(([url]) => fileURLToPath(url as string))
}

function expectOnlyInside(folder: string) {
  for (const file of fetchedFiles()) expect(file.startsWith(folder + sep), file).toBe(true)
}

describe('registerAppScheme', () => {
  it('registers app:// as a standard, secure scheme that does not bypass the CSP', () => {
    registerAppScheme()
    expect(electron.registerSchemesAsPrivileged).toHaveBeenCalledOnce()
    const [schemes] = electron.registerSchemesAsPrivileged.mock.calls[0] as [
      { scheme: string; privileges: Record<string, boolean> }[],
    ]
    expect(schemes).toHaveLength(1)
    expect(schemes[0]!.scheme).toBe(APP_SCHEME)
    expect(schemes[0]!.privileges).toMatchObject({ standard: true, secure: true })
    expect(schemes[0]!.privileges.bypassCSP).toBeFalsy()
    expect(schemes[0]!.privileges.corsEnabled).toBeFalsy()
    expect(APP_ORIGIN).toBe(`${APP_SCHEME}://kb`)
  })
})

describe('handleAppProtocol: renderer files', () => {
  it.each([
    ['app://kb/', 'index.html'],
    ['app://kb/index.html', 'index.html'],
    ['app://kb/assets/app.js', join('assets', 'app.js')],
    ['app://kb/assets/app.js?v=1#x', join('assets', 'app.js')],
  ])('serves %s from the renderer folder with the CSP header', async (url, relative) => {
    const response = await request(url)
    expect(response.status).toBe(200)
    expect(electron.fetch).toHaveBeenCalledExactlyOnceWith(
      pathToFileURL(join(ROOT, relative)).toString(),
    )
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(response.headers.get('Content-Type')).toBe(FILES.get(join(ROOT, relative))!.type)
    expect(await response.text()).toBe(FILES.get(join(ROOT, relative))!.body)
  })

  it('a missing file is a 404 that still carries the CSP header', async () => {
    const response = await request('app://kb/nope.html')
    expect(response.status).toBe(404)
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY)
  })

  it.each([
    ['dot segments', 'app://kb/../../etc/passwd'],
    ['percent-encoded dot segments', 'app://kb/%2e%2e/%2e%2e/etc/passwd'],
    ['percent-encoded %2e%2e%2f', 'app://kb/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
    ['upper-case %2E%2E%2F', 'app://kb/%2E%2E%2F%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd'],
    ['%2f after a real folder', 'app://kb/assets/..%2f..%2f..%2f..%2fetc/passwd'],
    ['an absolute path smuggled as %2f', 'app://kb/%2fetc%2fpasswd'],
    ['a sibling folder sharing the prefix', 'app://kb/%2e%2e%2frenderer-evil%2fx.js'],
    ['the main bundle next door', 'app://kb/%2e%2e%2fmain%2findex.js'],
    ['the renderer folder itself', 'app://kb/assets/%2e%2e%2f'],
    ['mixed separators', 'app://kb/assets/..%2F..%5C..%2F..%2Fetc/passwd'],
  ])(
    'path traversal (%s: %s) is a 404 and never reads outside the renderer folder',
    async (_label, url) => {
      const response = await request(url)
      expect(response.status).toBe(404)
      expectOnlyInside(ROOT)
      expect(fetchedFiles()).not.toContain(resolve('/etc/passwd'))
    },
  )

  it.each([
    ['%2e%2e%2f', 'app://kb/%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
    ['prefix sibling', 'app://kb/%2e%2e%2frenderer-evil%2fx.js'],
  ])('an encoded escape (%s) is refused before any file is read', async (_label, url) => {
    const response = await request(url)
    expect(response.status).toBe(404)
    expect(electron.fetch).not.toHaveBeenCalled()
  })

  it.each([
    'app://evil/index.html',
    'app://evil/../kb/index.html',
    'app://kb.evil/index.html',
    'app://kb:8080/index.html',
    'app:///index.html',
  ])('another host (%s) is a 404 and reads nothing', async (url) => {
    const response = await request(url)
    expect(response.status).toBe(404)
    expect(electron.fetch).not.toHaveBeenCalled()
  })

  it('malformed percent-encoding is never served (no file read, no 200)', async () => {
    const outcome = await request('app://kb/%E0%A4%A').then(
      (response) => response.status,
      () => 'rejected',
    )
    expect(outcome).not.toBe(200)
    expect(electron.fetch).not.toHaveBeenCalled()
  })
})

describe('handleAppProtocol: attachments', () => {
  it('serves an attachment through the injected resolver, decoding the case id and name, with the CSP header', async () => {
    const response = await request('app://kb/attachments/case-1/photo%20one.png')
    expect(attachmentPath).toHaveBeenCalledExactlyOnceWith('case-1', 'photo one.png')
    expect(electron.fetch).toHaveBeenCalledExactlyOnceWith(
      pathToFileURL(join(ATTACHMENTS, 'case-1', 'photo one.png')).toString(),
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(response.headers.get('Content-Type')).toBe('image/png')
  })

  it.each([
    'app://kb/attachments/..%2f..%2f..%2fetc/passwd',
    'app://kb/attachments/case-1/..%2f..%2f..%2f..%2fetc%2fpasswd',
    'app://kb/attachments/case-1/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://kb/attachments/case-1%5c..%5c..%5csecret/x.png',
  ])('an attachment path the resolver refuses (%s) is a 404 and reads nothing', async (url) => {
    const response = await request(url)
    expect(attachmentPath).toHaveBeenCalledOnce()
    expect(response.status).toBe(404)
    expect(electron.fetch).not.toHaveBeenCalled()
  })

  it('only the resolver decides attachment paths: the URL never reaches the renderer folder logic', async () => {
    attachmentPath.mockRejectedValueOnce(new Error('no such case'))
    const response = await request('app://kb/attachments/case-9/x.png')
    expect(response.status).toBe(404)
    expect(electron.fetch).not.toHaveBeenCalled()
  })
})
