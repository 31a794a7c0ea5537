import git, { type TreeEntry } from 'isomorphic-git'
import type { GitContext } from './git-context'

/**
 * The tree of a new commit built from the parent's tree and the changed files only: just the
 * trees on the way to a change are rewritten (root, cases/, cases/<id>/), where building the
 * tree from the index would rewrite all 10,000 case folders on every commit.
 * `changes` maps a library-relative file path to its new blob oid, or null when it is deleted.
 */
export async function treeWithChanges(
  ctx: GitContext,
  baseTree: string | null,
  changes: Map<string, string | null>,
): Promise<string> {
  const entries = baseTree ? await readEntries(ctx, baseTree) : new Map<string, TreeEntry>()
  const byFolder = new Map<string, Map<string, string | null>>()
  for (const [path, oid] of changes) {
    const slash = path.indexOf('/')
    if (slash < 0) {
      if (oid === null) entries.delete(path)
      else entries.set(path, { mode: '100644', path, oid, type: 'blob' })
      continue
    }
    const folder = path.slice(0, slash)
    const inner = byFolder.get(folder) ?? new Map<string, string | null>()
    inner.set(path.slice(slash + 1), oid)
    byFolder.set(folder, inner)
  }
  for (const [folder, inner] of byFolder) {
    const existing = entries.get(folder)
    const subtree = await treeWithChanges(
      ctx,
      existing?.type === 'tree' ? existing.oid : null,
      inner,
    )
    const empty = (await readEntries(ctx, subtree)).size === 0
    if (empty) entries.delete(folder)
    else entries.set(folder, { mode: '040000', path: folder, oid: subtree, type: 'tree' })
  }
  return git.writeTree({ fs: ctx.fs, dir: ctx.dir, tree: [...entries.values()] })
}

async function readEntries(ctx: GitContext, oid: string): Promise<Map<string, TreeEntry>> {
  const { tree } = await git.readTree({ fs: ctx.fs, dir: ctx.dir, oid, cache: ctx.cache })
  return new Map(tree.map((e) => [e.path, e]))
}

/** Blob oids of every file under `path` (a file or a folder) in a tree; empty when absent. */
export async function filesInTree(
  ctx: GitContext,
  tree: string | null,
  path: string,
): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (!tree) return out
  let entries: TreeEntry[]
  try {
    // '' is the whole tree.
    entries = (
      await git.readTree({
        fs: ctx.fs,
        dir: ctx.dir,
        oid: tree,
        cache: ctx.cache,
        ...(path ? { filepath: path } : {}),
      })
    ).tree
  } catch {
    // Not a folder: a single file, or nothing at all.
    const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : ''
    const name = path.slice(path.lastIndexOf('/') + 1)
    try {
      const listing = parent
        ? (
            await git.readTree({
              fs: ctx.fs,
              dir: ctx.dir,
              oid: tree,
              filepath: parent,
              cache: ctx.cache,
            })
          ).tree
        : (await git.readTree({ fs: ctx.fs, dir: ctx.dir, oid: tree, cache: ctx.cache })).tree
      const entry = listing.find((e) => e.path === name && e.type === 'blob')
      if (entry) out.set(path, entry.oid)
    } catch {
      // The folder is not in the tree either.
    }
    return out
  }
  for (const entry of entries) {
    const child = path ? `${path}/${entry.path}` : entry.path
    if (entry.type === 'blob') out.set(child, entry.oid)
    else if (entry.type === 'tree')
      for (const [p, o] of await filesInTree(ctx, tree, child)) out.set(p, o)
  }
  return out
}
