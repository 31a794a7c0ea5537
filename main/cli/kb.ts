/**
 * `npm run kb -- <command> …`: the library from the command line, for administrators and
 * scripts. Exit codes: 0 success, 1 the command failed or found problems, 2 bad usage
 * (and 3 for `sync`: synced, with conflicts kept for review).
 */
import { KbError } from '../core/errors'
import { runCheck } from './commands/check'
import { runClone } from './commands/clone'
import { runDeck } from './commands/deck'
import { runExport } from './commands/export'
import { runImport } from './commands/import'
import { runRestore } from './commands/restore'
import { runSearch, SEARCH_USAGE } from './commands/search'
import { runInit } from './commands/init'
import { runList } from './commands/list'
import { runShow } from './commands/show'
import { runSync, SYNC_USAGE } from './commands/sync'
import { UsageError, type Output } from './cli-args'

const USAGE = `協働ナレッジベース CLI (kyodo-kb)

使い方 / usage: npm run kb -- <command> [options]

  init <dir> [--sample] [--name <名前>]   新しいライブラリを作る (create a library; --sample copies the sample cases)
  list <dir> [--json]                     事例の一覧 (list cases)
  show <dir> <id> [--json]                事例を表示 (show one case)
  check <dir>                             全ファイルを検査、変更はしない (validate every file; changes nothing)
${SEARCH_USAGE}
  deck <dir> <deck-id> --pptx <out> | --pdf <out> | --marp <out> [--per-page 1|2] [--no-notes] [--no-contacts]
                                          スライドを書き出す (export a slide deck)
  import <dir> <src...> [--on-duplicate skip|replace|keep-both] [--json]
                                          Markdownフォルダ・.md・事例パッケージ(.zip)を取り込む (import)
  export <dir> (--out <file.zip> | --html <file.html> | --markdown <path>) [--ids a,b]
                                          パッケージ・HTML・Markdownに書き出す (export cases)
  restore <dir> <case-id | library.json> [--list] [--version n]
                                          以前の版に戻す (restore a previous version; 1 = newest)
${SYNC_USAGE}
  help                                    この説明 (this help)
`

const COMMANDS: Record<string, (args: string[], out: Output) => Promise<number>> = {
  init: runInit,
  list: runList,
  show: runShow,
  check: runCheck,
  search: runSearch,
  deck: runDeck,
  import: runImport,
  export: runExport,
  restore: runRestore,
  sync: runSync,
  clone: runClone,
}

export async function runCli(argv: string[], out: Output): Promise<number> {
  const [command, ...rest] = argv
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    out.stdout(USAGE)
    return command ? 0 : 2
  }
  const run = COMMANDS[command]
  if (!run) {
    out.stderr(`不明なコマンドです (unknown command): ${command}\n\n${USAGE}`)
    return 2
  }
  try {
    return await run(rest, out)
  } catch (error) {
    if (error instanceof UsageError) {
      out.stderr(`${error.message}\n\n${USAGE}`)
      return 2
    }
    if (error instanceof KbError) {
      out.stderr(`エラー (error): ${error.message}\n`)
      for (const issue of error.extra.issues ?? [])
        out.stderr(`  ${issue.path}: ${issue.message}\n`)
      return 1
    }
    throw error
  }
}

const isEntryPoint =
  process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))
if (isEntryPoint) {
  runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(`予期しないエラー (unexpected error): ${String(error)}\n`)
      process.exitCode = 1
    },
  )
}
