import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import git from 'isomorphic-git'
import { authorOf, headOid, type GitContext, type SyncAuthor } from './git-context'
import { filesInTree, treeWithChanges } from './commit-tree'
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
  /** Makes a merge commit with this second parent (always, even when nothing else changed). */
  mergeParent?: string
}

/**
 * Commits every change in the library folder, made by the app or by any other program, with a
 * readable message: who, how many cases, which titles. Returns the items (`cases/<id>` or file
 * paths) it recorded; none means the folder matched the last commit.
 */
export async function recordChanges(ctx: GitContext, options: RecordOptions): Promise<string[]> {
  const { fs, dir, cache } = ctx
  const parent = await headOid(ctx)
  const headTree = parent
    ? (await git.readCommit({ fs, dir, oid: parent, cache })).commit.tree
    : null
  // A marker spans staging and commit: if a crash came in between, the index holds changes the
  // last commit lacks, which comparing the folder with the index would never see again; then the
  // folder is compared with the last commit itself, once.
  const marker = join(dir, '.git', 'kb-recording')
  const interrupted = await stat(marker).then(
    () => true,
    () => false,
  )
  const hinted = options.paths && options.paths.length > 0 && !interrupted
  const changes = hinted
    ? await changesIn(ctx, headTree, options.paths!)
    : interrupted
      ? await changesIn(ctx, headTree, [''])
      : await changesEverywhere(ctx)
  if (changes.size === 0 && !options.mergeParent) {
    await rm(marker, { force: true })
    return []
  }
  await writeFile(marker, '')
  const removed = [...changes].filter(([, oid]) => oid === null).map(([path]) => path)
  const present = [...changes].filter(([, oid]) => oid !== null).map(([path]) => path)
  for (const filepath of removed) await git.remove({ fs, dir, filepath, cache })
  // In batches: one parallel add of 20,000 files queues so many opens that graceful-fs's
  // 60-second retry window runs out on a busy machine (EMFILE after all).
  for (let i = 0; i < present.length; i += ADD_BATCH) {
    await git.add({ fs, dir, filepath: present.slice(i, i + ADD_BATCH), cache, parallel: true })
  }
  const tree = await treeWithChanges(ctx, headTree, changes)
  if (tree === headTree && !options.mergeParent) {
    await rm(marker, { force: true })
    return []
  }
  const items = [...new Set([...changes.keys()].map(itemOf))].sort()
  const message = options.message ?? (await describeChanges(dir, items, options.author))
  await git.commit({
    fs,
    dir,
    cache,
    message,
    tree,
    author: authorOf(options.author, options.now),
    parent: [parent, options.mergeParent].filter((p): p is string => typeof p === 'string'),
  })
  await rm(marker, { force: true })
  return items
}

/** Changed files: path → new blob oid, or null when deleted. */
type Changes = Map<string, string | null>

/**
 * Only the given paths (the watcher's knowledge), compared with the last commit directly: the
 * files under each path on disk are hashed and compared with that path's entries in the tree,
 * without walking the other 10,000 case folders (as statusMatrix would).
 */
async function changesIn(
  ctx: GitContext,
  headTree: string | null,
  paths: string[],
): Promise<Changes> {
  const changes: Changes = new Map()
  for (const path of new Set(paths)) {
    const committed = await filesInTree(ctx, headTree, path)
    const onDisk = await filesOnDisk(ctx.dir, path)
    for (const file of onDisk) {
      const bytes = await readFile(join(ctx.dir, file))
      const { oid } = await git.hashBlob({ object: bytes })
      if (committed.get(file) !== oid) changes.set(file, oid)
    }
    for (const file of committed.keys()) if (!onDisk.includes(file)) changes.set(file, null)
  }
  return changes
}

/** Files (not ignored) at or under a library-relative path. */
export async function filesOnDisk(root: string, path: string): Promise<string[]> {
  const info = await stat(join(root, path)).catch(() => null)
  if (!info) return []
  if (!info.isDirectory()) return isIgnoredName(path.slice(path.lastIndexOf('/') + 1)) ? [] : [path]
  const files: string[] = []
  for (const entry of await readdir(join(root, path), { withFileTypes: true })) {
    if (isIgnoredName(entry.name)) continue
    const child = path ? `${path}/${entry.name}` : entry.name
    if (entry.isDirectory()) files.push(...(await filesOnDisk(root, child)))
    else if (entry.isFile()) files.push(child)
  }
  return files
}

/**
 * The whole folder, compared with the index only (not with the last commit's trees, which
 * statusMatrix reads as well): a file whose size and times match its index entry is not read at
 * all, so a scan of 10,000 unchanged cases is mostly readdir and stat. Hidden entries are what
 * .gitignore excludes (see gitignore.ts), so they are skipped without reading .gitignore.
 */
/** How many files differ from the index (nothing is staged or committed). */
export async function countChanges(ctx: GitContext): Promise<number> {
  return (await changesEverywhere(ctx)).size
}

async function changesEverywhere(ctx: GitContext): Promise<Changes> {
  const changes: Changes = new Map()
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
        if (wt === 'blob') changes.set(path, (await workdir!.oid()) ?? null)
        return true
      }
      if (!workdir) changes.set(path, null)
      else {
        const oid = await workdir.oid()
        if (!stage || oid !== (await stage.oid())) changes.set(path, oid)
      }
      return true
    },
  })
  return changes
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
