import git from 'isomorphic-git'
import type { GitContext } from './git-context'

/** One file that is not the same in every compared commit: its blob oid in each (null: absent). */
export interface PathVersions {
  path: string
  oids: (string | null)[]
}

interface Entry {
  oid: string
  type: 'blob' | 'tree' | 'commit'
}

/**
 * The files that differ between commits, found by reading trees top-down and skipping every
 * subtree whose oid is the same in all of them. With 10,000 case folders and one changed case
 * this reads a handful of trees, not ten thousand.
 */
export async function diffCommits(
  ctx: GitContext,
  commits: (string | null)[],
): Promise<PathVersions[]> {
  const roots = await Promise.all(
    commits.map(async (oid) =>
      oid
        ? (await git.readCommit({ fs: ctx.fs, dir: ctx.dir, oid, cache: ctx.cache })).commit.tree
        : null,
    ),
  )
  const out: PathVersions[] = []
  await diffTrees(ctx, roots, '', out)
  return out.sort((a, b) => a.path.localeCompare(b.path))
}

async function diffTrees(
  ctx: GitContext,
  trees: (string | null)[],
  prefix: string,
  out: PathVersions[],
): Promise<void> {
  const listings = await Promise.all(trees.map((oid) => (oid ? readTree(ctx, oid) : new Map())))
  const names = new Set(listings.flatMap((listing) => [...listing.keys()]))
  for (const name of [...names].sort()) {
    const entries = listings.map((listing) => listing.get(name) as Entry | undefined)
    if (entries.every((e) => e?.oid === entries[0]?.oid)) continue
    const path = prefix + name
    // A name that is a folder on one side and a file on another is compared as both.
    const subtrees = entries.map((e) => (e?.type === 'tree' ? e.oid : null))
    if (subtrees.some((oid) => oid !== null)) await diffTrees(ctx, subtrees, `${path}/`, out)
    const blobs = entries.map((e) => (e?.type === 'blob' ? e.oid : null))
    if (blobs.some((oid) => oid !== null) && !blobs.every((oid) => oid === blobs[0])) {
      out.push({ path, oids: blobs })
    }
  }
}

async function readTree(ctx: GitContext, oid: string): Promise<Map<string, Entry>> {
  const { tree } = await git.readTree({ fs: ctx.fs, dir: ctx.dir, oid, cache: ctx.cache })
  return new Map(tree.map((e) => [e.path, { oid: e.oid, type: e.type }]))
}

/** The unit a person thinks in: `cases/<id>` for anything inside a case folder, else the file. */
export function itemOf(path: string): string {
  const match = /^cases\/([^/]+)\//.exec(path)
  return match ? `cases/${match[1]}` : path
}

export async function readBlobBytes(ctx: GitContext, oid: string): Promise<Uint8Array> {
  return (await git.readBlob({ fs: ctx.fs, dir: ctx.dir, oid, cache: ctx.cache })).blob
}

/** Every file under `folder` in a commit, by path relative to that folder. */
export async function filesUnder(
  ctx: GitContext,
  commit: string,
  folder: string,
): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>()
  const visit = async (path: string, prefix: string) => {
    const { tree } = await git.readTree({
      fs: ctx.fs,
      dir: ctx.dir,
      oid: commit,
      filepath: path,
      cache: ctx.cache,
    })
    for (const entry of tree) {
      if (entry.type === 'tree') await visit(`${path}/${entry.path}`, `${prefix}${entry.path}/`)
      else if (entry.type === 'blob') {
        const { blob } = await git.readBlob({
          fs: ctx.fs,
          dir: ctx.dir,
          oid: entry.oid,
          cache: ctx.cache,
        })
        files.set(prefix + entry.path, blob)
      }
    }
  }
  await visit(folder, '')
  return files
}
