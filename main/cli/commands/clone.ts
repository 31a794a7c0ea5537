import { cloneLibrary } from '../../core/sync/clone-library'
import { parseArgs, type Output } from '../cli-args'
import { cliCredentials } from '../sync-credentials'

/** `clone <url> <dir>`: a new library from a remote that holds one. */
export async function runClone(argv: string[], out: Output): Promise<number> {
  const args = parseArgs(argv, { positional: ['url', 'dir'] })
  const [url, dir] = args.positional as [string, string]
  const root = await cloneLibrary(url, dir, { credentials: await cliCredentials() })
  out.stdout(`ライブラリを作りました (library cloned): ${root}\n`)
  return 0
}
