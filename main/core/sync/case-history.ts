import git from 'isomorphic-git'
import type { CaseDoc, CaseMeta, CaseVersion } from '../../../common/model'
import { storedCaseMetaSchema } from '../case-schema'
import { KbError, bilingual } from '../errors'
import type { Library } from '../library'
import { editableInput } from './editable-input'
import { gitContext, type GitContext } from './git-context'
import { isRepository } from './repository'

// Enough for a case's 履歴 panel; older versions stay in the repository.
const MAX_VERSIONS = 50

/**
 * The versions of one case in the Git history, newest first: who, when, the commit message and
 * the title and revision of that version. A library that is not synced has no Git history (its
 * backups are still listed by the backups panel).
 */
export async function listCaseVersions(root: string, caseId: string): Promise<CaseVersion[]> {
  if (!(await isRepository(root))) return []
  const ctx = gitContext(root)
  let entries
  try {
    entries = await git.log({
      fs: ctx.fs,
      dir: root,
      cache: ctx.cache,
      filepath: `cases/${caseId}`,
      depth: MAX_VERSIONS,
    })
  } catch {
    // No commits yet, or the case has never been committed.
    return []
  }
  const versions: CaseVersion[] = []
  for (const { oid, commit } of entries) {
    const meta = await metaAt(ctx, oid, caseId)
    versions.push({
      commit: oid,
      author: commit.author.name,
      at: new Date(commit.author.timestamp * 1000).toISOString(),
      message: commit.message.split('\n')[0] ?? '',
      ...(meta ? { title: meta.title, revision: meta.revision } : {}),
    })
  }
  return versions
}

/** Restores the case as it was in `commit`, as a new save (so it is itself a new version). */
export async function restoreCaseVersion(
  library: Library,
  caseId: string,
  commit: string,
): Promise<CaseDoc> {
  const ctx = gitContext(library.root)
  const meta = await metaAt(ctx, commit, caseId)
  if (!meta) {
    throw new KbError(
      'not_found',
      bilingual('この版は見つかりません', 'This version was not found'),
    )
  }
  const body = await readText(ctx, commit, `cases/${caseId}/case.md`)
  const current = await library.cases.get(caseId)
  return library.cases.save({
    id: caseId,
    meta: editableInput(meta),
    body: body ?? '',
    baseRevision: current.meta.revision,
  })
}

async function metaAt(ctx: GitContext, commit: string, caseId: string): Promise<CaseMeta | null> {
  const text = await readText(ctx, commit, `cases/${caseId}/case.json`)
  if (text === null) return null
  try {
    const parsed = storedCaseMetaSchema.safeParse(JSON.parse(text.replace(/^\uFEFF/, '')))
    return parsed.success ? (parsed.data as CaseMeta) : null
  } catch {
    return null
  }
}

async function readText(ctx: GitContext, commit: string, filepath: string): Promise<string | null> {
  try {
    const { blob } = await git.readBlob({
      fs: ctx.fs,
      dir: ctx.dir,
      oid: commit,
      filepath,
      cache: ctx.cache,
    })
    return new TextDecoder().decode(blob)
  } catch {
    return null
  }
}
