import git from 'isomorphic-git'
import { BRANCH, REMOTE, type GitContext } from './git-context'

const ZERO = '0'.repeat(40)

/**
 * Pushes the local branch over smart HTTP, sending only the objects the remote lacks.
 * isomorphic-git's push walks every tree of the new commits and of the remote tip to find them,
 * which at 10,000 case folders costs more than the whole rest of a sync; here the new commits
 * are compared with their parents tree by tree, skipping every unchanged subtree (as tree-diff.ts
 * does), and the pack is sent with a plain receive-pack request. Never forces: the server refuses
 * an update that is not a fast-forward, which the caller answers by fetching and merging again.
 */
export async function pushChanges(
  ctx: GitContext,
  remoteUrl: string,
  local: string,
): Promise<void> {
  const base = remoteUrl.replace(/\/+$/, '')
  const headers: Record<string, string> = { 'User-Agent': 'git/kyodo-kb' }
  if (ctx.credentials) {
    const pair = `${ctx.credentials.user}:${ctx.credentials.token}`
    headers.Authorization = `Basic ${Buffer.from(pair).toString('base64')}`
  }
  const advertised = await fetch(`${base}/info/refs?service=git-receive-pack`, { headers })
  if (!advertised.ok) throw httpError(advertised.status)
  const refs = parseAdvertisement(new Uint8Array(await advertised.arrayBuffer()))
  const remote = refs.get(`refs/heads/${BRANCH}`) ?? ZERO
  if (remote === local) return
  if (remote !== ZERO && !(await hasCommit(ctx, remote))) {
    // Someone pushed after our fetch: their commit is unknown here, so this push could not be a
    // fast-forward. Fetch, merge and try again, as for a refused push.
    throw Object.assign(new Error('remote moved on'), { code: 'PushRejectedError' })
  }
  const oids = await objectsToSend(ctx, local, remote === ZERO ? null : remote)
  const { packfile } = await git.packObjects({ fs: ctx.fs, dir: ctx.dir, oids, cache: ctx.cache })
  const command = pktLine(`${remote} ${local} refs/heads/${BRANCH}\0report-status agent=kyodo-kb\n`)
  const body = Buffer.concat([command, Buffer.from('0000'), Buffer.from(packfile!)])
  const response = await fetch(`${base}/git-receive-pack`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/x-git-receive-pack-request' },
    body,
  })
  if (!response.ok) throw httpError(response.status)
  const report = pktLines(new Uint8Array(await response.arrayBuffer())).join('')
  if (!/^unpack ok/m.test(report))
    throw Object.assign(new Error(report.trim()), { code: 'GitPushError' })
  if (/^ng /m.test(report)) {
    // Someone pushed first (non-fast-forward, fetch first): fetch, merge and try again.
    throw Object.assign(new Error(report.trim()), { code: 'PushRejectedError' })
  }
  await git.writeRef({
    fs: ctx.fs,
    dir: ctx.dir,
    ref: `refs/remotes/${REMOTE}/${BRANCH}`,
    value: local,
    force: true,
  })
}

/** New commits (not in the remote's history) and the trees and blobs they introduce. */
async function objectsToSend(
  ctx: GitContext,
  local: string,
  remote: string | null,
): Promise<string[]> {
  const args = { fs: ctx.fs, dir: ctx.dir, cache: ctx.cache }
  const objects = new Set<string>()
  const seen = new Set<string>()
  const queue = [local]
  while (queue.length > 0) {
    const oid = queue.pop()!
    if (seen.has(oid)) continue
    seen.add(oid)
    if (
      remote &&
      (oid === remote ||
        (await git.isDescendent({ ...args, oid: remote, ancestor: oid, depth: -1 })))
    )
      continue
    const { commit } = await git.readCommit({ ...args, oid })
    objects.add(oid)
    const parentTrees = await Promise.all(
      commit.parent.map(async (p) => (await git.readCommit({ ...args, oid: p })).commit.tree),
    )
    await newInTree(ctx, commit.tree, parentTrees, objects)
    queue.push(...commit.parent)
  }
  return [...objects]
}

/** Adds `tree` and whatever under it differs from the same place in every parent tree. */
async function newInTree(
  ctx: GitContext,
  tree: string,
  parents: string[],
  out: Set<string>,
): Promise<void> {
  if (parents.includes(tree) || out.has(tree)) return
  out.add(tree)
  const read = async (oid: string) =>
    new Map(
      (await git.readTree({ fs: ctx.fs, dir: ctx.dir, oid, cache: ctx.cache })).tree.map((e) => [
        e.path,
        e,
      ]),
    )
  const [entries, ...parentEntries] = await Promise.all([read(tree), ...parents.map(read)])
  for (const entry of entries!.values()) {
    const before = parentEntries.map((p) => p.get(entry.path)).filter((e) => e !== undefined)
    if (before.some((e) => e.oid === entry.oid)) continue
    if (entry.type === 'blob') out.add(entry.oid)
    else if (entry.type === 'tree') {
      const subtrees = before.filter((e) => e.type === 'tree').map((e) => e.oid)
      await newInTree(ctx, entry.oid, subtrees, out)
    }
  }
}

async function hasCommit(ctx: GitContext, oid: string): Promise<boolean> {
  return git.readCommit({ fs: ctx.fs, dir: ctx.dir, oid, cache: ctx.cache }).then(
    () => true,
    () => false,
  )
}

function pktLine(text: string): Buffer {
  const payload = Buffer.from(text, 'utf8')
  return Buffer.concat([Buffer.from((payload.length + 4).toString(16).padStart(4, '0')), payload])
}

/** The payloads of a pkt-line stream (flush packets are skipped). */
function pktLines(bytes: Uint8Array): string[] {
  const lines: string[] = []
  for (let at = 0; at + 4 <= bytes.length;) {
    const length = Number.parseInt(Buffer.from(bytes.subarray(at, at + 4)).toString('latin1'), 16)
    if (!Number.isFinite(length)) break
    if (length < 4) {
      at += 4
      continue
    }
    lines.push(Buffer.from(bytes.subarray(at + 4, at + length)).toString('utf8'))
    at += length
  }
  return lines
}

function parseAdvertisement(bytes: Uint8Array): Map<string, string> {
  const refs = new Map<string, string>()
  for (const line of pktLines(bytes)) {
    if (line.startsWith('#')) continue
    const [oid, rest] = [line.slice(0, 40), line.slice(41)]
    const name = rest.split('\0')[0]!.trim()
    if (/^[0-9a-f]{40}$/.test(oid) && name) refs.set(name, oid)
  }
  return refs
}

function httpError(statusCode: number): Error {
  return Object.assign(new Error(`HTTP ${statusCode}`), { code: 'HttpError', data: { statusCode } })
}
