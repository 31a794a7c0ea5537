import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../atomic-write'

/**
 * What a synced library never shares: every hidden entry (the search index in `.cache/`,
 * `.backups/`, `.trash/`, `.lock` folders, `.kbtmp-` temp files, `.import-` staging), which is
 * per-user or derived, and the litter of office PCs. Only `.gitignore` itself is shared.
 */
export const GITIGNORE_LINES = [
  '# 協働ナレッジベース: 個人用・派生データは共有しない (per-user and derived data is never shared)',
  '.*',
  '!.gitignore',
  'Thumbs.db',
  'desktop.ini',
  '~$*',
]

/** Writes .gitignore when missing, or adds the lines it lacks (a user's own lines stay). */
export async function ensureGitignore(root: string): Promise<void> {
  const file = join(root, '.gitignore')
  const current = await readFile(file, 'utf8').catch(() => '')
  const have = new Set(current.split(/\r?\n/))
  const missing = GITIGNORE_LINES.filter((line) => !have.has(line))
  if (missing.length === 0) return
  const prefix = current === '' || current.endsWith('\n') ? current : `${current}\n`
  await writeFileAtomic(file, `${prefix}${missing.join('\n')}\n`)
}
