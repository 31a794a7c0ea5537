import { syncLibrary } from '../../core/sync/sync-library'
import { parseArgs, type Output } from '../cli-args'
import { cliAuthor, cliCredentials } from '../sync-credentials'

export const SYNC_USAGE = `  sync <dir> [--remote <url>] [--json]    Git リモートと同期（--remote で接続） (sync with a Git remote; exit 3: conflicts kept)
  clone <url> <dir>                       リモートから新しいライブラリを作る (make a library from a remote)
                                          資格情報: KB_SYNC_USER, KB_SYNC_TOKEN (credentials)`

/**
 * `sync <dir> [--remote <url>] [--json]`: records every change as a commit, fetches, merges and
 * pushes. Exit 0 synced, 3 synced with conflicts kept for review, 1 failure, 2 bad usage.
 */
export async function runSync(argv: string[], out: Output): Promise<number> {
  const args = parseArgs(argv, { positional: ['dir'], flags: ['json'], options: ['remote'] })
  const credentials = await cliCredentials()
  const result = await syncLibrary(args.positional[0]!, {
    author: cliAuthor(credentials),
    credentials,
    remote: args.options.get('remote'),
    onProgress: args.flags.has('json')
      ? undefined
      : (phase, loaded, total) => out.stderr(`  ${phase} ${loaded}${total ? `/${total}` : ''}\r`),
  })
  if (args.flags.has('json')) {
    const { status, sent, received, conflicts } = result
    out.stdout(`${JSON.stringify({ status, sent, received, conflicts }, null, 2)}\n`)
  } else {
    out.stdout(
      `同期しました (synced): 送信 ${result.sent} 件 (sent)、受信 ${result.received} 件 (received)\n`,
    )
    for (const c of result.conflicts) {
      out.stdout(
        `競合 (conflict)\t${c.kind}\t${c.path}\t${c.title}${c.copy ? `\t→ ${c.copy}` : ''}\n`,
      )
    }
  }
  return result.status === 'conflicts' ? 3 : 0
}
