import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import {
  listBackups,
  listLibraryConfigBackups,
  restoreBackup,
  restoreLibraryConfig,
} from '../../core/backup/backups'
import { KbError, bilingual } from '../../core/errors'
import { LIBRARY_FILE, openLibrary } from '../../core/library'
import { UsageError, parseArgs, type Output } from '../cli-args'

/**
 * `restore <dir> <case-id | library.json> [--list] [--version n]`: lists the backups (1 = the
 * newest) or restores one (the newest when --version is absent). Restoring never loses the
 * current version: it is backed up first (a damaged library.json is moved aside instead). The
 * library.json form works on a library that no longer opens.
 */
export async function runRestore(argv: string[], out: Output): Promise<number> {
  const args = parseArgs(argv, {
    positional: ['dir', 'target'],
    flags: ['list'],
    options: ['version'],
  })
  const [dir, target] = args.positional as [string, string]
  const versionText = args.options.get('version') ?? '1'
  const version = Number(versionText)
  if (!Number.isInteger(version) || version < 1) {
    throw new UsageError(
      `--version は1以上の整数です (--version must be a whole number ≥ 1): ${versionText}`,
    )
  }
  if (target === LIBRARY_FILE) {
    const root = resolve(dir)
    if (
      !(await stat(root).then(
        (s) => s.isDirectory(),
        () => false,
      ))
    ) {
      throw new KbError(
        'not_found',
        bilingual(`フォルダが見つかりません: ${root}`, `Folder not found: ${root}`),
      )
    }
    const backups = await listLibraryConfigBackups(root)
    if (args.flags.has('list')) {
      backups.forEach((b, i) =>
        out.stdout(`${i + 1}\t${b.takenAt}\t${b.name ?? '(読めません / unreadable)'}\n`),
      )
      return 0
    }
    const chosen = pick(backups, version, LIBRARY_FILE)
    await restoreLibraryConfig(root, chosen.stamp)
    out.stderr(
      `library.json を ${chosen.takenAt} の版に戻しました (restored library.json from ${chosen.takenAt})\n`,
    )
    return 0
  }
  const library = await openLibrary(dir)
  const backups = await listBackups(library, target)
  if (args.flags.has('list')) {
    backups.forEach((b, i) =>
      out.stdout(`${i + 1}\t${b.takenAt}\t版 (revision) ${b.revision ?? '?'}\t${b.title ?? ''}\n`),
    )
    return 0
  }
  const chosen = pick(backups, version, target)
  const doc = await restoreBackup(library, target, chosen.stamp)
  out.stderr(
    `「${doc.meta.title}」を ${chosen.takenAt} の版に戻しました（新しい版: ${doc.meta.revision}） ` +
      `(restored ${target} from ${chosen.takenAt}; now revision ${doc.meta.revision})\n`,
  )
  return 0
}

function pick<T>(backups: T[], version: number, what: string): T {
  const chosen = backups[version - 1]
  if (!chosen) {
    throw new KbError(
      'not_found',
      bilingual(
        `${what} のバックアップ ${version} 番はありません（${backups.length} 件）`,
        `No backup number ${version} of ${what} (${backups.length} available)`,
      ),
    )
  }
  return chosen
}
