import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import git from 'isomorphic-git'
import { KbError, bilingual } from '../errors'
import { LIBRARY_FILE } from '../library-config-store'
import { BRANCH, REMOTE, gitContext, type SyncCredentials } from './git-context'
import { ensureGitignore } from './gitignore'
import { ensureIdCode } from './id-code'
import { assertLocalDisk } from './local-disk'
import { assertHttpUrl, writeSyncState } from './repository'
import { syncFailure } from './sync-errors'

export interface CloneOptions {
  credentials?: SyncCredentials
  now?: () => Date
  onProgress?: (phase: string, loaded: number, total: number) => void
}

/**
 * Makes a new library in `dir` (missing or empty) from a remote that holds one. On any failure
 * the half-made folder is removed again, so a retry starts clean; a remote without a library
 * (empty, or another repository) is refused.
 */
export async function cloneLibrary(
  url: string,
  dir: string,
  options: CloneOptions = {},
): Promise<string> {
  assertHttpUrl(url)
  const root = resolve(dir)
  const existing = await readdir(root).catch(() => null)
  if (existing && existing.length > 0) {
    throw new KbError(
      'invalid',
      bilingual(`フォルダが空ではありません: ${root}`, `The folder is not empty: ${root}`),
    )
  }
  await mkdir(root, { recursive: true })
  await assertLocalDisk(root)
  const ctx = gitContext(root, options.credentials)
  try {
    await git.clone({
      fs: ctx.fs,
      http: ctx.http,
      dir: root,
      cache: ctx.cache,
      onAuth: ctx.onAuth,
      url,
      remote: REMOTE,
      ref: BRANCH,
      singleBranch: true,
      noTags: true,
      onProgress: options.onProgress
        ? (e) => options.onProgress!(`clone: ${e.phase}`, e.loaded, e.total ?? 0)
        : undefined,
    })
    if (!(await stat(join(root, LIBRARY_FILE)).catch(() => null))) {
      throw new KbError(
        'invalid',
        bilingual(
          'リモートに事例ライブラリがありません（空のリモートには既存のライブラリから sync --remote で接続してください）',
          'The remote holds no case library (connect an existing library to an empty remote with sync --remote)',
        ),
      )
    }
    await ensureGitignore(root)
    await ensureIdCode(root)
    await writeSyncState(root, { lastSyncedAt: (options.now?.() ?? new Date()).toISOString() })
    return root
  } catch (error) {
    if (existing === null) await rm(root, { recursive: true, force: true })
    else await emptyFolder(root)
    if (error instanceof KbError) throw error
    const code = (error as { code?: string }).code
    if (code === 'NotFoundError') {
      throw new KbError(
        'invalid',
        bilingual(
          'リモートが空です。既存のライブラリから sync --remote で接続してください。',
          'The remote is empty; connect an existing library to it with sync --remote.',
        ),
      )
    }
    throw syncFailure(error, url)
  }
}

async function emptyFolder(root: string): Promise<void> {
  for (const name of await readdir(root).catch(() => [] as string[])) {
    await rm(join(root, name), { recursive: true, force: true })
  }
}
