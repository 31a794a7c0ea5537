import { readFile, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { ConflictChoice, SyncConflict } from '../../../common/model'
import { writeFileAtomic } from '../atomic-write'
import { ATTACHMENTS_FOLDER } from '../attachments'
import { KbError, bilingual } from '../errors'
import type { Library } from '../library'
import {
  CONFLICT_KEY,
  CONFLICT_TITLE_MARK,
  linkRelated,
  readConflict,
  removeConflictRecord,
} from './conflict-records'
import { editableInput } from './editable-input'

/** How each choice reads in the commit that records it. */
export const CHOICE_LABEL: Record<ConflictChoice, string> = {
  mine: '自分の版を残す (kept mine)',
  theirs: '相手の版を採用 (took theirs)',
  both: '両方を残す (kept both)',
}

/**
 * Resolves one kept conflict: keep mine (the other side's copy goes), take theirs (it replaces
 * the local version as a new save), or keep both (the copy becomes an ordinary case). The
 * record goes in every case; the caller commits, so the choice is in the history.
 */
export async function resolveConflict(
  library: Library,
  id: string,
  choice: ConflictChoice,
): Promise<SyncConflict> {
  const root = library.root
  const conflict = await readConflict(root, id)
  if (!conflict) {
    throw new KbError(
      'not_found',
      bilingual(
        `競合「${id}」は見つかりません（解決済みかもしれません）`,
        `Conflict "${id}" was not found (it may be resolved already)`,
      ),
    )
  }
  if (conflict.kind === 'case' && conflict.copy) await resolveCase(library, conflict, choice)
  else if (conflict.kind === 'file' && conflict.copy) {
    if (choice === 'both') throw bothNotPossible()
    if (choice === 'theirs')
      await writeFileAtomic(join(root, conflict.path), await readFile(join(root, conflict.copy)))
  } else if (conflict.kind === 'edit-delete' && choice === 'theirs') {
    // The other side had deleted it: delete it here too (a case goes to the trash, restorable).
    const caseId = conflict.path.startsWith('cases/') ? conflict.path.slice(6) : null
    if (caseId) await library.trash.remove(caseId)
    else await rm(join(root, conflict.path), { force: true })
  }
  await removeConflictRecord(root, id)
  return conflict
}

async function resolveCase(library: Library, conflict: SyncConflict, choice: ConflictChoice) {
  const caseId = conflict.path
  const copyId = conflict.copy!
  const root = library.root
  const copyExists = await stat(join(root, 'cases', copyId)).then(
    () => true,
    () => false,
  )
  if (!copyExists) return
  if (choice === 'mine') {
    await rm(join(root, 'cases', copyId), { recursive: true, force: true })
    await linkRelated(root, caseId, copyId, true)
  } else if (choice === 'theirs') {
    const theirs = await library.cases.get(copyId)
    const current = await library.cases.get(caseId)
    const meta = editableInput(theirs.meta)
    meta.title = stripMark(meta.title)
    meta.related = (meta.related ?? []).filter((r) => r !== caseId && r !== copyId)
    if (meta.related.length === 0) delete meta.related
    await library.cases.save({
      id: caseId,
      meta,
      body: theirs.body,
      baseRevision: current.meta.revision,
    })
    // The other side's attachments replace the local ones, as the rest of its version does.
    const from = join(root, 'cases', copyId, ATTACHMENTS_FOLDER)
    const to = join(root, 'cases', caseId, ATTACHMENTS_FOLDER)
    if (
      await stat(from).then(
        () => true,
        () => false,
      )
    ) {
      await rm(to, { recursive: true, force: true })
      await rename(from, to)
    }
    await rm(join(root, 'cases', copyId), { recursive: true, force: true })
  } else {
    const file = join(root, 'cases', copyId, 'case.json')
    const meta = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
    delete meta[CONFLICT_KEY]
    if (typeof meta.title === 'string')
      meta.title = `${stripMark(meta.title)}（別版）`.slice(0, 200)
    await writeFileAtomic(file, `${JSON.stringify(meta, null, 2)}\n`)
  }
}

function stripMark(title: string): string {
  return title.startsWith(CONFLICT_TITLE_MARK) ? title.slice(CONFLICT_TITLE_MARK.length) : title
}

function bothNotPossible(): KbError {
  return new KbError(
    'invalid',
    bilingual(
      'この競合は「両方を残す」を選べません。自分の版か相手の版を選んでください。',
      'This conflict cannot keep both; choose mine or theirs.',
    ),
  )
}
