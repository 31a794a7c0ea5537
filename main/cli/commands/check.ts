import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ATTACHMENTS_FOLDER } from '../../core/attachments'
import { CASE_BODY_FILE, caseFileLabel } from '../../core/case-files'
import { KbError } from '../../core/errors'
import { assertSafeFileName } from '../../core/file-names'
import { LIBRARY_FILE, openLibrary } from '../../core/library'
import { parseArgs, type Output } from '../cli-args'
import { errorMessage } from '../../../common/error-message'

interface Problem {
  file: string
  reason: string
}

/**
 * `check <dir>`: validates every file of a library and changes nothing. Prints one line per
 * problem ("path: reason") and exits 1 when there is any.
 */
export async function runCheck(argv: string[], out: Output): Promise<number> {
  const args = parseArgs(argv, { positional: ['dir'] })
  let library
  try {
    library = await openLibrary(args.positional[0]!)
  } catch (error) {
    if (error instanceof KbError && error.code === 'damaged') {
      out.stdout(`${LIBRARY_FILE}: ${error.message}\n`)
      return 1
    }
    throw error
  }
  const { cases, damaged } = await library.cases.list()
  const problems: Problem[] = damaged.map((d) => ({ file: d.file, reason: d.reason }))
  for (const meta of cases) {
    problems.push(...(await checkCaseFiles(library.cases.folderOf(meta.id), meta.id)))
  }
  for (const problem of problems) out.stdout(`${problem.file}: ${problem.reason}\n`)
  out.stderr(
    problems.length === 0
      ? `問題はありません (no problems): ${cases.length} 件を検査 (cases checked)\n`
      : `${problems.length} 件の問題 (problems) / ${cases.length + damaged.length} 件を検査 (cases checked)\n`,
  )
  return problems.length === 0 ? 0 : 1
}

/** The body must be valid UTF-8, and every attachment name one the library would accept. */
async function checkCaseFiles(folder: string, id: string): Promise<Problem[]> {
  const problems: Problem[] = []
  try {
    const bytes = await readFile(join(folder, CASE_BODY_FILE))
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'ENOENT') {
      problems.push({
        file: caseFileLabel(id, CASE_BODY_FILE),
        reason:
          code === 'ERR_ENCODING_INVALID_ENCODED_DATA'
            ? 'UTF-8 ではありません (not valid UTF-8)'
            : `読めません (unreadable): ${code ?? String(error)}`,
      })
    }
  }
  const names = await readdir(join(folder, ATTACHMENTS_FOLDER)).catch(() => [] as string[])
  for (const name of names) {
    try {
      assertSafeFileName(name)
    } catch (error) {
      problems.push({
        file: caseFileLabel(id, `${ATTACHMENTS_FOLDER}/${name}`),
        reason: errorMessage(error),
      })
    }
  }
  return problems
}
