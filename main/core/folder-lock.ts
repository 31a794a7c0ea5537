import { mkdir, rmdir, stat } from 'node:fs/promises'
import { KbError, bilingual } from './errors'

export interface LockOptions {
  /** A lock older than this is taken to be left by a crashed process and broken. */
  staleMs?: number
  /** How long to wait for a held lock before giving up. */
  timeoutMs?: number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs `fn` while holding a lock that other processes and machines respect: the lock is a folder
 * created with mkdir, which is atomic on local disks and on SMB/NFS shares alike (unlike
 * O_EXCL files on some network file systems). A lock whose folder is older than `staleMs` is
 * broken, so a crash never leaves a case locked for good.
 */
export async function withFolderLock<T>(
  lockPath: string,
  fn: () => Promise<T>,
  { staleMs = 30_000, timeoutMs = 10_000 }: LockOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
    try {
      await mkdir(lockPath)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const age = await stat(lockPath).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      )
      if (age > staleMs) {
        await rmdir(lockPath).catch(() => undefined)
        continue
      }
      if (Date.now() > deadline) {
        throw new KbError(
          'conflict',
          bilingual(
            '他の人が同じファイルを保存中です。少し待ってからもう一度お試しください。',
            'Someone else is saving the same file; please try again in a moment.',
          ),
        )
      }
      await sleep(delay + Math.random() * delay)
    }
  }
  try {
    return await fn()
  } finally {
    await rmdir(lockPath).catch(() => undefined)
  }
}
