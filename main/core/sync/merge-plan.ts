import type { GitContext } from './git-context'
import { CASE_JSON_RULES, mergeJson, type JsonMergeOptions } from './json-merge'
import { mergeText } from './text-merge'
import { diffCommits, itemOf, readBlobBytes } from './tree-diff'

/** What merging the other side into the local one does to the working copy. */
export interface MergePlan {
  /** Files to write (library-relative path → content). */
  writes: Map<string, Uint8Array>
  /** Files to delete. */
  deletes: string[]
  /** Items (`cases/<id>` or a file path) changed by what arrived. */
  received: Set<string>
  /** Cases changed differently on both sides: the local version stays, theirs is kept as a copy. */
  caseConflicts: Map<string, { files: string[]; fields: string[] }>
  /** Other files changed differently on both sides: local stays, theirs is kept beside it. */
  fileConflicts: { path: string; theirs: Uint8Array; fields: string[] }[]
  /** Edited on one side, deleted on the other: the edit is what the library keeps. */
  editDeleted: { path: string; editedBy: 'local' | 'remote' }[]
}

const TEXT_FILE = /\.(md|markdown|txt|csv|tsv|ya?ml)$|(^|\/)\.gitignore$/i
const CASE_FILE = /^cases\/([^/]+)\/([^/]+)$/

/**
 * Decides, file by file, how the other side's commit merges into ours given their common
 * ancestor. Nothing is ever merged in a way that drops a side: text merges three-way, JSON field
 * by field, binaries never as text, and whatever both sides changed differently keeps the local
 * version in place and is listed so the other version can be stored beside it.
 */
export async function planMerge(
  ctx: GitContext,
  base: string | null,
  ours: string | null,
  theirs: string,
): Promise<MergePlan> {
  const plan: MergePlan = {
    writes: new Map(),
    deletes: [],
    received: new Set(),
    caseConflicts: new Map(),
    fileConflicts: [],
    editDeleted: [],
  }
  const read = (oid: string | null) => (oid ? readBlobBytes(ctx, oid) : Promise.resolve(null))
  for (const { path, oids } of await diffCommits(ctx, [base, ours, theirs])) {
    const [b, o, t] = oids as [string | null, string | null, string | null]
    if (o === t || b === t) continue
    if (b === o) {
      if (t) plan.writes.set(path, await read(t).then((x) => x!))
      else plan.deletes.push(path)
      if (!path.startsWith('conflicts/')) plan.received.add(itemOf(path))
      continue
    }
    // Both sides changed this file, differently.
    if (!o || !t) {
      if (t) {
        plan.writes.set(path, (await read(t))!)
        plan.received.add(itemOf(path))
      }
      plan.editDeleted.push({ path, editedBy: o ? 'local' : 'remote' })
      continue
    }
    const [baseBytes, ourBytes, theirBytes] = await Promise.all([read(b), read(o), read(t)])
    const merged = mergeFile(path, baseBytes, ourBytes!, theirBytes!)
    if (merged.content) {
      plan.writes.set(path, merged.content)
      plan.received.add(itemOf(path))
    }
    if (merged.clean) continue
    const caseFile = CASE_FILE.exec(path) ?? /^cases\/([^/]+)\//.exec(path)
    if (caseFile) {
      const entry = plan.caseConflicts.get(caseFile[1]!) ?? { files: [], fields: [] }
      entry.files.push(path)
      entry.fields.push(...merged.fields)
      plan.caseConflicts.set(caseFile[1]!, entry)
    } else plan.fileConflicts.push({ path, theirs: theirBytes!, fields: merged.fields })
  }
  return plan
}

interface FileMerge {
  clean: boolean
  /** New content for the working copy (absent: the local file stays as it is). */
  content?: Uint8Array
  fields: string[]
}

function mergeFile(
  path: string,
  base: Uint8Array | null,
  ours: Uint8Array,
  theirs: Uint8Array,
): FileMerge {
  if (path.endsWith('.json')) {
    const parsed = [base, ours, theirs].map((bytes) => (bytes ? parseJson(bytes) : undefined))
    if (parsed.every((value) => value !== FAILED)) {
      const rules: JsonMergeOptions = path.endsWith('/case.json') ? CASE_JSON_RULES : {}
      const result = mergeJson(parsed[0], parsed[1], parsed[2], rules)
      return {
        clean: result.conflicts.length === 0,
        content: new TextEncoder().encode(`${JSON.stringify(result.value, null, 2)}\n`),
        fields: result.conflicts,
      }
    }
  } else if (TEXT_FILE.test(path)) {
    const texts = [base, ours, theirs].map((bytes) => (bytes ? decodeText(bytes) : ''))
    if (texts.every((text) => text !== null)) {
      const result = mergeText(texts[0]!, texts[1]!, texts[2]!)
      if (result.clean) {
        return { clean: true, content: new TextEncoder().encode(result.text), fields: [] }
      }
      return { clean: false, fields: [] }
    }
  }
  // A binary (or a file that does not parse) is never merged as text: both versions are kept.
  return { clean: false, fields: [] }
}

const FAILED = Symbol('unparsable')

function parseJson(bytes: Uint8Array): unknown {
  const text = decodeText(bytes)
  if (text === null) return FAILED
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown
  } catch {
    return FAILED
  }
}

function decodeText(bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return text.includes('\u0000') ? null : text
  } catch {
    return null
  }
}
