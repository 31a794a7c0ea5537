import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import git from 'isomorphic-git'
import { authorOf, headOid, type GitContext, type SyncAuthor } from './git-context'
import { itemOf } from './tree-diff'

export interface RecordOptions {
  author: SyncAuthor
  now: Date
  /**
   * Only these library-relative paths (files or folders) may have changed, as the app's watcher
   * knows; absent, the whole working copy is compared (file stats first, so unchanged files are
   * not read).
   */
  paths?: string[]
  /** A message instead of the generated one (e.g. recording how a conflict was resolved). */
  message?: string
}

/**
 * Commits every change in the library folder, made by the app or by any other program, with a
 * readable message: who, how many cases, which titles. Returns the items (`cases/<id>` or file
 * paths) it recorded; none means the folder matched the last commit.
 */
export async function recordChanges(ctx: GitContext, options: RecordOptions): Promise<string[]> {
  const { fs, dir, cache } = ctx
  const rows = await git.statusMatrix({
    fs,
    dir,
    cache,
    filepaths: options.paths && options.paths.length > 0 ? options.paths : undefined,
  })
  const changed = rows.filter(
    ([, head, workdir, stage]) => !(head === 1 && workdir === 1 && stage === 1),
  )
  if (changed.length === 0) return []
  const removed = changed.filter(([, , workdir]) => workdir === 0).map(([path]) => path)
  const present = changed.filter(([, , workdir]) => workdir !== 0).map(([path]) => path)
  for (const filepath of removed) await git.remove({ fs, dir, filepath, cache })
  if (present.length > 0) await git.add({ fs, dir, filepath: present, cache, parallel: true })
  const real = changed
    .filter(([, head, workdir]) => !(head === 1 && workdir === 1))
    .map(([path]) => path)
  if (real.length === 0) return []
  const items = [...new Set(real.map(itemOf))].sort()
  const message = options.message ?? (await describeChanges(dir, items, options.author))
  const parent = await headOid(ctx)
  await git.commit({
    fs,
    dir,
    cache,
    message,
    author: authorOf(options.author, options.now),
    parent: parent ? [parent] : [],
  })
  return items
}

/** "山田: 事例 2 件 (2 cases) — 防災マップづくり、子ども食堂" plus one line per item. */
async function describeChanges(root: string, items: string[], author: SyncAuthor): Promise<string> {
  const cases = items.filter((item) => item.startsWith('cases/'))
  const others = items.filter((item) => !item.startsWith('cases/'))
  const titles: string[] = []
  for (const item of cases)
    titles.push((await caseTitle(root, item)) ?? `${item.slice(6)} (削除 deleted)`)
  const parts: string[] = []
  if (cases.length > 0) parts.push(`事例 ${cases.length} 件 (${cases.length} cases)`)
  if (others.length > 0) parts.push(`その他 ${others.length} 件 (${others.length} other files)`)
  const shown =
    titles.slice(0, 3).join('、') + (titles.length > 3 ? ` ほか ${titles.length - 3} 件` : '')
  const subject = `${author.name}: ${parts.join('、')}${shown ? ` — ${shown}` : ''}`
  const lines = [
    ...cases.map((item, i) => `- ${item}: ${titles[i]}`),
    ...others.map((item) => `- ${item}`),
  ]
  return `${subject}\n\n${lines.join('\n')}\n`
}

async function caseTitle(root: string, item: string): Promise<string | null> {
  try {
    const meta = JSON.parse(await readFile(join(root, item, 'case.json'), 'utf8')) as {
      title?: unknown
    }
    return typeof meta.title === 'string' ? meta.title : null
  } catch {
    return null
  }
}
