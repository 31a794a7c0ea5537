import { net, protocol } from 'electron'
import { attachmentFile, fileResponse, isAttachmentRequest } from './app-protocol'

/**
 * `npm run dev` only. The window then loads the renderer from Vite's dev server
 * (http://localhost:5173), so a case's photos are requested as
 * http://localhost:5173/attachments/<case>/<name>, which Vite knows nothing about. The main
 * process answers those requests itself, from the open library, exactly as app:// does in the
 * built app; every other request goes on to the dev server untouched.
 */
export function serveDevAttachments(
  devOrigin: string,
  attachmentPath: (caseId: string, name: string) => Promise<string>,
): void {
  protocol.handle('http', async (request) => {
    const url = new URL(request.url)
    if (url.origin !== devOrigin || !isAttachmentRequest(url)) {
      return net.fetch(request, { bypassCustomProtocolHandlers: true })
    }
    const file = await attachmentFile(url, attachmentPath).catch(() => null)
    return file === null ? new Response('not found', { status: 404 }) : fileResponse(file)
  })
}
