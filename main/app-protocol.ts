import { net, protocol } from 'electron'
import { join, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CONTENT_SECURITY_POLICY } from './security/csp'

export const APP_SCHEME = 'app'
export const APP_ORIGIN = 'app://kb'

/** Must run before the app is ready: `app://` behaves like https (secure, standard origin). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/**
 * Serves the built renderer from `app://kb/…` and case attachments from
 * `app://kb/attachments/<case>/<name>`. Paths are resolved and must stay inside their folder.
 */
export function handleAppProtocol(
  rendererDir: string,
  attachmentPath: (caseId: string, name: string) => Promise<string>,
): void {
  const root = resolve(rendererDir)
  protocol.handle(APP_SCHEME, async (request) => {
    const file = await resolveRequest(new URL(request.url)).catch(() => null)
    return file === null ? new Response('not found', { status: 404 }) : fileResponse(file)
  })

  /** The file a request names, or a rejection (404) for other hosts, traversal or bad names. */
  async function resolveRequest(url: URL): Promise<string> {
    if (url.host !== 'kb') throw new Error('other host')
    if (isAttachmentRequest(url)) return attachmentFile(url, attachmentPath)
    const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).slice(1)
    const file = resolve(join(root, relative))
    if (!file.startsWith(root + sep)) throw new Error('outside the renderer folder')
    return file
  }
}

export function isAttachmentRequest(url: URL): boolean {
  return url.pathname.startsWith('/attachments/')
}

/** The file of `/attachments/<case>/<name>`; the library's own checks refuse traversal. */
export async function attachmentFile(
  url: URL,
  attachmentPath: (caseId: string, name: string) => Promise<string>,
): Promise<string> {
  const parts = url.pathname.slice('/attachments/'.length).split('/').map(decodeURIComponent)
  if (parts.length !== 2) throw new Error('not an attachment path')
  return attachmentPath(parts[0]!, parts[1]!)
}

/** A file as a response with the app's CSP, and no content sniffing. */
export async function fileResponse(file: string): Promise<Response> {
  const response = await net.fetch(pathToFileURL(file).toString())
  const headers = new Headers(response.headers)
  headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  headers.set('X-Content-Type-Options', 'nosniff')
  return new Response(response.body, { status: response.status, headers })
}
