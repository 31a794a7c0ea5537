import gracefulFs from 'graceful-fs'
import git, { type AuthCallback, type HttpClient } from 'isomorphic-git'
import http from 'isomorphic-git/http/node'

/** The branch every library uses, and the name of its one remote. */
export const BRANCH = 'main'
export const REMOTE = 'origin'

export interface SyncCredentials {
  user: string
  token: string
}

/** Who a commit is by; the e-mail is synthetic, because staff are known by name here. */
export interface SyncAuthor {
  name: string
}

/**
 * Everything isomorphic-git needs for one library: the file system, the HTTP client, a shared
 * object cache (parsed packfiles are reused across the calls of one sync) and the credentials.
 */
export interface GitContext {
  fs: typeof gitFs
  http: HttpClient
  dir: string
  cache: object
  /** For requests made without isomorphic-git (see push-changes.ts). */
  credentials?: SyncCredentials
  onAuth?: AuthCallback
}

/**
 * A callback-style fs built from graceful-fs. It deliberately has no `promises` member:
 * isomorphic-git would use Node's raw fs.promises then, which fails with EMFILE on a
 * 10,000-case library, whereas graceful-fs queues opens when handles run out.
 */
const gitFs = {
  readFile: gracefulFs.readFile,
  writeFile: gracefulFs.writeFile,
  unlink: gracefulFs.unlink,
  readdir: gracefulFs.readdir,
  mkdir: gracefulFs.mkdir,
  rmdir: gracefulFs.rmdir,
  stat: gracefulFs.stat,
  lstat: gracefulFs.lstat,
  readlink: gracefulFs.readlink,
  symlink: gracefulFs.symlink,
  chmod: gracefulFs.chmod,
}

export function gitContext(dir: string, credentials?: SyncCredentials): GitContext {
  return {
    fs: gitFs,
    http,
    dir,
    cache: {},
    credentials,
    // Basic auth (user name + token), which Gitea/Forgejo and Apache accept. A refused pair
    // surfaces as an HttpError 401, which sync-errors.ts turns into a clear message.
    onAuth: credentials
      ? () => ({ username: credentials.user, password: credentials.token })
      : undefined,
  }
}

/** The oid the branch points at, or null in a repository without commits. */
export async function headOid(ctx: GitContext, ref = BRANCH): Promise<string | null> {
  try {
    return await git.resolveRef({ fs: ctx.fs, dir: ctx.dir, ref })
  } catch {
    return null
  }
}

export function authorOf(author: SyncAuthor, when: Date) {
  return {
    name: author.name,
    email: `${encodeURIComponent(author.name).replaceAll('%', '').toLowerCase() || 'kb'}@kyodo-kb.invalid`,
    timestamp: Math.floor(when.getTime() / 1000),
    timezoneOffset: when.getTimezoneOffset(),
  }
}
