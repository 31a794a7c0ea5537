import { stat } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { ATTACHMENTS_FOLDER } from '../attachments'
import { CASE_BODY_FILE, CASE_META_FILE, CASES_FOLDER } from '../case-files'
import { LIBRARY_FILE } from '../library-config-store'
import { caseIdsIn, inWaves } from '../search/case-signatures'
import type { EventHandlers, EventSource } from './event-source'

/**
 * Attachments are looked at on every this many sweeps only. Their folder is missing in most
 * cases, and that third stat per case was a third of the sweep's cost; attachments are not
 * searched, so a few seconds more before a new one shows on a share is the cheaper trade.
 */
export const ATTACHMENT_SWEEPS = 4

/**
 * Change hints by polling, for network drives (SMB/NFS), where OS events are missed: every
 * `intervalMs` after the previous sweep ended, the stats of library.json and of each case's
 * case.json and case.md (and, every ATTACHMENT_SWEEPS sweeps, its attachments) are compared with
 * the previous sweep's, and each case whose stats differ is named. Strings per case are all it
 * keeps (≈2 MB at 10,000 cases), where a poller per file kept a timer, a stat object and
 * listeners for each; the stat calls per second are the same in number.
 */
export function pollLibrary(
  base: string,
  intervalMs: number,
  handlers: Pick<EventHandlers, 'onPath' | 'onError'>,
): EventSource {
  const casesDir = join(base, CASES_FOLDER)
  let files: Map<string, string> | null = null
  let attachments = new Map<string, string>()
  let config: string | null = null
  let sweeps = 0
  let timer: NodeJS.Timeout | undefined
  let closed = false

  async function sweep(): Promise<void> {
    const withAttachments = sweeps++ % ATTACHMENT_SWEEPS === 0
    const nowFiles = new Map<string, string>()
    const nowAttachments = withAttachments ? new Map<string, string>() : attachments
    await inWaves(await caseIdsIn(base), async (id) => {
      const folder = join(casesDir, id)
      const [meta, body] = await Promise.all([
        statSignature(join(folder, CASE_META_FILE)),
        statSignature(join(folder, CASE_BODY_FILE)),
      ])
      nowFiles.set(id, `${meta}|${body}`)
      if (!withAttachments) return
      const signature = await attachmentsSignature(join(folder, ATTACHMENTS_FOLDER))
      if (signature !== null) nowAttachments.set(id, signature)
    })
    const nowConfig = await statSignature(join(base, LIBRARY_FILE))
    if (files && !closed) {
      for (const [id, signature] of nowFiles) {
        const moved = files.get(id) !== signature || attachments.get(id) !== nowAttachments.get(id)
        if (moved) handlers.onPath(join(casesDir, id))
      }
      for (const id of files.keys()) if (!nowFiles.has(id)) handlers.onPath(join(casesDir, id))
      if (nowConfig !== config) handlers.onPath(join(base, LIBRARY_FILE))
    }
    files = nowFiles
    attachments = nowAttachments
    config = nowConfig
  }

  const next = () => {
    if (closed) return
    timer = setTimeout(() => {
      sweep().catch(handlers.onError).finally(next)
    }, intervalMs)
  }
  const ready = sweep().finally(next)
  return {
    ready,
    close() {
      closed = true
      clearTimeout(timer)
    },
  }
}

/**
 * The stats that tell a change: ctime moves on every change and cannot be set back, ino catches
 * a save-by-rename of the same size. The callback form, because a sweep makes 20,000 of these at
 * 10,000 cases, and the promise form costs markedly more CPU for each.
 */
function statSignature(path: string): Promise<string> {
  return new Promise((resolve) =>
    stat(path, (error, s) => resolve(error ? '-' : `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`)),
  )
}

/** Names and stats of the attachments, or null when the case has no attachments folder. */
async function attachmentsSignature(folder: string): Promise<string | null> {
  const own = await statSignature(folder)
  if (own === '-') return null
  const names = await readdir(folder).catch(() => [] as string[])
  const parts = [own]
  for (const name of names.filter((n) => !n.startsWith('.')).sort()) {
    parts.push(`${name}=${await statSignature(join(folder, name))}`)
  }
  return parts.join('|')
}
