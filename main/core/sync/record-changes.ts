import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import git from 'isomorphic-git'
import { authorOf, headOid, type GitContext, type SyncAuthor } from './git-context'
import { itemOf } from './tree-diff'

const ADD_BATCH = 500

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
  const hinted = options.paths && options.paths.length > 0
  const { removed, present } = hinted
    ? await changesIn(ctx, options.paths!)
    : await changesEverywhere(ctx)
  for (const filepath of removed) await git.remove({ fs, dir, filepath, cache })
  // In batches: one parallel add of 20,000 files queues so many opens that graceful-fs's
  // 60-second retry window runs out on a busy machine (EMFILE after all).
  for (let i = 0; i < present.length; i += ADD_BATCH) {
    await git.add({ fs, dir, filepath: present.slice(i, i + ADD_BATCH), cache, parallel: true })
  }
  const real = [...removed, ...present]
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

interface Changes {
  removed: string[]
  present: string[]
}

/** Only the given paths (the watcher's knowledge): statusMatrix filters them before walking. */
async function changesIn(ctx: GitContext, paths: string[]): Promise<Changes> {
  const rows = await git.statusMatrix({
    fs: ctx.fs,
    dir: ctx.dir,
    cache: ctx.cache,
    filepaths: paths,
  })
  // [path, HEAD, workdir, stage]: 1/1/1 is unchanged; workdir 0 is deleted.
  const changed = rows.filter(([, head, workdir]) => !(head === 1 && workdir === 1))
  return {
    removed: changed.filter(([, , workdir]) => workdir === 0).map(([path]) => path),
    present: changed.filter(([, , workdir]) => workdir !== 0).map(([path]) => path),
  }
}

/**
 * The whole folder, compared with the index only (not with the last commit's trees, which
 * statusMatrix reads as well): a file whose size and times match its index entry is not read at
 * all, so a scan of 10,000 unchanged cases is mostly readdir and stat. Hidden entries are what
 * .gitignore excludes (see gitignore.ts), so they are skipped without reading .gitignore.
 */
async function changesEverywhere(ctx: GitContext): Promise<Changes> {
  const removed: string[] = []
  const present: string[] = []
  await git.walk({
    fs: ctx.fs,
    dir: ctx.dir,
    cache: ctx.cache,
    trees: [git.WORKDIR(), git.STAGE()],
    map: async (path, [workdir, stage]) => {
      if (path !== '.' && isIgnoredName(path.slice(path.lastIndexOf('/') + 1))) return null
      const [wt, st] = await Promise.all([workdir?.type(), stage?.type()])
      if (wt === 'tree' || st === 'tree') {
        // A folder replaced by a file (or the reverse) is rare; the file side is handled here.
        if (wt !== 'tree' && wt !== undefined) present.push(path)
        return true
      }
      if (!workdir) removed.push(path)
      else if (!stage || (await workdir.oid()) !== (await stage.oid())) present.push(path)
      return true
    },
  })
  return { removed, present }
}

function isIgnoredName(name: string): boolean {
  if (name === '.gitignore') return false
  return (
    name.startsWith('.') || name === 'Thumbs.db' || name === 'desktop.ini' || name.startsWith('~$')
  )
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
