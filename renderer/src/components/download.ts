import type { ExportedFile } from '../../../common/model'

/**
 * Hands an exported file to the browser as a download: a Blob from the base64 data and a click
 * on a temporary <a download>. The same path works in Electron (which shows its save dialog)
 * and in the browser of the web host, and needs no file-system access in the renderer.
 */
export function downloadFile(file: ExportedFile): void {
  const binary = atob(file.dataBase64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later: revoking at once can cancel the download before it starts in Chromium.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
