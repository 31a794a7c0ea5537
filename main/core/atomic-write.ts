import { randomBytes } from 'node:crypto'
import { open, rename, unlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'

/**
 * The file-system steps of an atomic write, injectable so that tests can fail any one of them
 * (ENOSPC while writing, EPERM on rename, a "crash" between the two).
 */
export interface WriteSteps {
  /** Create `tempPath`, write all of `data`, flush it to disk (fsync) and close it. */
  writeAndFlush(tempPath: string, data: string | Uint8Array): Promise<void>
  rename(from: string, to: string): Promise<void>
  unlink(path: string): Promise<void>
  /** Flush the folder entry after a rename; best effort (Windows cannot open folders). */
  flushFolder(folder: string): Promise<void>
}

export const nodeWriteSteps: WriteSteps = {
  async writeAndFlush(tempPath, data) {
    const handle = await open(tempPath, 'wx')
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
  },
  rename,
  unlink,
  async flushFolder(folder) {
    try {
      const handle = await open(folder, 'r')
      try {
        await handle.sync()
      } finally {
        await handle.close()
      }
    } catch {
      // Not supported on this platform or share; the rename itself is still atomic.
    }
  },
}

/** Errors that Windows antivirus, indexers and SMB shares raise while a file is briefly held. */
const TRANSIENT_RENAME_ERRORS = new Set(['EPERM', 'EBUSY', 'EACCES'])
const RENAME_ATTEMPTS = 6
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Prefix of temp files; a library scan can recognise (and clean) strays by it. */
export const TEMP_PREFIX = '.kbtmp-'

/**
 * Writes `data` to `target` so that readers see either the old complete file or the new
 * complete file, never a truncated one: temp file in the same folder, flush, rename (retried a
 * bounded number of times on transient Windows/SMB errors). On failure the temp file is removed
 * and the error is rethrown; the target is untouched.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  steps: WriteSteps = nodeWriteSteps,
): Promise<void> {
  const folder = dirname(target)
  // Short on purpose: a long Japanese file name plus a suffix could pass the 255-byte limit.
  const temp = join(folder, `${TEMP_PREFIX}${randomBytes(6).toString('hex')}`)
  try {
    await steps.writeAndFlush(temp, data)
    await renameWithRetry(temp, target, steps)
  } catch (error) {
    await steps.unlink(temp).catch(() => undefined)
    throw error
  }
  await steps.flushFolder(folder)
}

/**
 * Renames a file or folder, retrying a bounded number of times on the transient errors that
 * Windows antivirus and SMB shares raise while something briefly holds it open.
 */
export async function renameWithRetry(
  from: string,
  to: string,
  steps: Pick<WriteSteps, 'rename'> = nodeWriteSteps,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await steps.rename(from, to)
      return
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? ''
      if (!TRANSIENT_RENAME_ERRORS.has(code) || attempt >= RENAME_ATTEMPTS) throw error
      await sleep(25 * 2 ** attempt)
    }
  }
}
