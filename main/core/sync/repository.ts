import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import git from 'isomorphic-git'
import { writeFileAtomic } from '../atomic-write'
import { KbError, bilingual } from '../errors'
import { BRANCH, REMOTE, type GitContext } from './git-context'
import { ensureIdCode } from './id-code'

/** Per-clone sync state, kept inside .git: never shared, never in the library's files. */
export interface SyncState {
  lastSyncedAt?: string
  /** Commits ahead of and behind the remote after the last sync. */
  ahead?: number
  behind?: number
}

const STATE_FILE = join('.git', 'kb-sync.json')

export async function isRepository(dir: string): Promise<boolean> {
  return stat(join(dir, '.git')).then(
    (s) => s.isDirectory(),
    () => false,
  )
}

/** Makes the library folder a working copy (branch `main`) and points `origin` at `remote`. */
export async function ensureRepository(ctx: GitContext, remote?: string): Promise<string> {
  if (remote) assertHttpUrl(remote)
  const current = remote ?? (await remoteUrl(ctx))
  if (!current) throw noRemote()
  if (!(await isRepository(ctx.dir))) {
    await git.init({ fs: ctx.fs, dir: ctx.dir, defaultBranch: BRANCH })
  }
  await ensureIdCode(ctx.dir)
  if (remote) {
    await git.addRemote({ fs: ctx.fs, dir: ctx.dir, remote: REMOTE, url: remote, force: true })
    return remote
  }
  return current
}

function noRemote(): KbError {
  return new KbError(
    'invalid',
    bilingual(
      'このライブラリには同期先（リモート）がありません。--remote <URL> を指定してください。',
      'This library has no remote yet; give one with --remote <url>.',
    ),
  )
}

export async function remoteUrl(ctx: GitContext): Promise<string | undefined> {
  if (!(await isRepository(ctx.dir))) return undefined
  const value = await git.getConfig({ fs: ctx.fs, dir: ctx.dir, path: `remote.${REMOTE}.url` })
  return typeof value === 'string' ? value : undefined
}

/**
 * isomorphic-git speaks smart HTTP(S) only: a folder path or file:// remote would fail late and
 * obscurely, so it is refused up front. Credentials in the URL are refused too: they would end up
 * in .git/config, and credentials are kept per user elsewhere.
 */
export function assertHttpUrl(remote: string): void {
  let url: URL | null = null
  try {
    url = new URL(remote)
  } catch {
    url = null
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new KbError(
      'invalid',
      bilingual(
        `リモートは http:// または https:// で始まる URL にしてください（フォルダや file:// は使えません）: ${remote}`,
        `The remote must be an http:// or https:// URL (not a folder or file://): ${remote}`,
      ),
    )
  }
  if (url.username || url.password) {
    throw new KbError(
      'invalid',
      bilingual(
        'URL にユーザー名やトークンを含めないでください（資格情報は別に保存します）',
        'Do not put a user name or token in the URL; credentials are kept separately',
      ),
    )
  }
}

export async function readSyncState(dir: string): Promise<SyncState> {
  try {
    return JSON.parse(await readFile(join(dir, STATE_FILE), 'utf8')) as SyncState
  } catch {
    return {}
  }
}

export async function writeSyncState(dir: string, state: SyncState): Promise<void> {
  await writeFileAtomic(join(dir, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`)
}
