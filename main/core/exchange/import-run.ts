import { readFile } from 'node:fs/promises'
import type { CaseDoc, CaseMeta } from '../../../common/model'
import type { WriteSteps } from '../atomic-write'
import { overwriteCase } from '../backup/overwrite-case'
import { withDerivedFields } from '../case-files'
import { storedCaseMetaSchema } from '../case-schema'
import { newCaseId } from '../ids'
import type { Library } from '../library'
import { titleKey, type ImportDeps } from './import-plan'
import { errorMessage } from '../../../common/error-message'
import { resolveWikilinks } from './markdown-body'
import { readPackage } from './package'
import { writeNewCase } from './staging'
import type {
  DuplicateChoice,
  ImportChoices,
  ImportPlan,
  ImportSummary,
  PackageContents,
  PackageLimits,
  PlannedCase,
} from './types'
import { validInput } from '../stored-json'
import { assertKnownPartnerTypes } from '../partner-type-check'

export interface RunImportDeps extends ImportDeps {
  writeSteps?: WriteSteps
}

/**
 * Carries out a plan. Each case is written whole or not at all (new cases are assembled in a
 * staging folder and moved into place; a replaced case is backed up and saved on top of its
 * current revision). One case failing is reported in `failed` and the others still import.
 * Wikilinks are resolved now, against the ids the cases finally got: a skipped duplicate's links
 * point at the case already in the library.
 */
export async function runImport(
  library: Library,
  plan: ImportPlan,
  choices: ImportChoices,
  onProgress?: (done: number, total: number) => void,
  deps: RunImportDeps = {},
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    imported: [],
    replaced: [],
    skipped: [],
    failed: [...plan.failed],
    warnings: plan.items.flatMap((i) =>
      i.warnings.map((message) => ({ source: i.source, message })),
    ),
  }
  const now = deps.now ?? (() => new Date())
  const random = deps.random ?? Math.random
  if (plan.partnerTypes.length > 0) {
    await library.settings.update((config) => ({
      ...config,
      partnerTypes: [
        ...config.partnerTypes,
        ...plan.partnerTypes.filter((t) => !config.partnerTypes.some((c) => c.key === t.key)),
      ],
    }))
  }
  const existing = new Set(await library.cases.caseFolderNames())
  const decided = plan.items.map((item) => {
    const choice = item.duplicateOf ? choiceFor(item, choices) : 'new'
    let id = item.duplicateOf && choice !== 'keep-both' ? item.duplicateOf.id : item.id
    if ((choice === 'new' || choice === 'keep-both') && existing.has(id)) {
      do id = newCaseId(now(), random)
      while (existing.has(id))
    }
    existing.add(id)
    return { item, choice, id }
  })
  const idFor = linkResolver(decided, (await library.cases.list()).cases)
  const packages = new Map<string, Promise<PackageContents>>()
  const total = decided.length
  let done = 0
  for (const { item, choice, id } of decided) {
    try {
      if (choice === 'skip') {
        summary.skipped.push({ id, title: item.title, source: item.source, duplicateOf: id })
      } else {
        const body = item.kind === 'markdown' ? resolveWikilinks(item.body, idFor) : item.body
        const files = await loadAttachments(item, packages, deps.packageLimits)
        if (choice === 'replace') {
          await replaceCase(library, id, item, body, files, deps)
          summary.replaced.push({ id, title: item.title, source: item.source })
        } else {
          await createCase(library, id, item, body, files, deps, now())
          summary.imported.push({ id, title: item.title, source: item.source })
        }
      }
    } catch (error) {
      summary.failed.push({ source: item.source, reason: errorMessage(error) })
    }
    onProgress?.(++done, total)
  }
  return summary
}

function choiceFor(item: PlannedCase, choices: ImportChoices): DuplicateChoice {
  if (typeof choices.onDuplicate === 'string') return choices.onDuplicate
  return choices.onDuplicate[item.key] ?? 'skip'
}

/** Note names (title, aliases, file name) → final case id; the plan first, then the library. */
function linkResolver(
  decided: { item: PlannedCase; id: string }[],
  library: CaseMeta[],
): (name: string) => string | undefined {
  const map = new Map<string, string>()
  for (const meta of library)
    if (!map.has(titleKey(meta.title))) map.set(titleKey(meta.title), meta.id)
  const fromPlan = new Map<string, string>()
  for (const { item, id } of decided) {
    for (const name of item.linkNames)
      if (!fromPlan.has(titleKey(name))) fromPlan.set(titleKey(name), id)
  }
  return (name) => fromPlan.get(titleKey(name)) ?? map.get(titleKey(name))
}

async function loadAttachments(
  item: PlannedCase,
  packages: Map<string, Promise<PackageContents>>,
  limits?: PackageLimits,
): Promise<{ name: string; data: Uint8Array }[]> {
  const files: { name: string; data: Uint8Array }[] = []
  for (const attachment of item.attachments) {
    if (attachment.from.kind === 'file') {
      files.push({ name: attachment.name, data: await readFile(attachment.from.path) })
      continue
    }
    const path = attachment.from.package
    // Read and verified again: the package may have changed since it was planned.
    if (!packages.has(path))
      packages.set(
        path,
        readFile(path).then((bytes) => readPackage(bytes, limits)),
      )
    const data = (await packages.get(path)!).files.get(attachment.from.entry)
    if (!data)
      throw new Error(`${attachment.from.entry} がパッケージにありません (missing from package)`)
    files.push({ name: attachment.name, data })
  }
  return files
}

/** Checks metadata against format v1 and the library's partner types, as a save would. */
function validated(library: Library, meta: Record<string, unknown>): void {
  const checked = validInput(storedCaseMetaSchema, meta, { ja: '事例', en: 'case' })
  assertKnownPartnerTypes(checked, new Set(library.config.partnerTypes.map((t) => t.key)))
}

async function createCase(
  library: Library,
  id: string,
  item: PlannedCase,
  body: string,
  files: { name: string; data: Uint8Array }[],
  deps: RunImportDeps,
  now: Date,
): Promise<void> {
  const stamp = now.toISOString()
  const createdAt = typeof item.meta.createdAt === 'string' ? item.meta.createdAt : stamp
  const updatedAt = typeof item.meta.updatedAt === 'string' ? item.meta.updatedAt : createdAt
  const meta = withDerivedFields({
    ...item.meta,
    schema: 1,
    id,
    createdAt,
    updatedAt: updatedAt < createdAt ? createdAt : updatedAt,
    revision: 1,
  } as CaseMeta)
  validated(library, meta as unknown as Record<string, unknown>)
  const doc: CaseDoc = { meta, body }
  await writeNewCase(library.root, doc, files, deps.writeSteps)
}

async function replaceCase(
  library: Library,
  id: string,
  item: PlannedCase,
  body: string,
  files: { name: string; data: Uint8Array }[],
  deps: RunImportDeps,
): Promise<void> {
  const probe = {
    ...item.meta,
    schema: 1,
    id,
    createdAt: new Date(0).toISOString(),
    updatedAt: new Date(0).toISOString(),
    revision: 1,
  }
  validated(library, probe)
  // Attachments of the replaced case stay; an imported file whose name is taken by different
  // content gets a numbered name, and the body is pointed at it.
  const existing = new Map<string, Uint8Array>()
  for (const a of await library.attachments.list(id)) {
    existing.set(a.name, await readFile(await library.attachments.pathOf(id, a.name)))
  }
  let text = body
  for (const file of files) {
    const same = existing.get(file.name)
    if (same && Buffer.compare(Buffer.from(same), Buffer.from(file.data)) === 0) continue
    const added = await library.attachments.add(id, file.name, file.data)
    if (added.name !== file.name) {
      text = text.split(`attachments/${file.name}`).join(`attachments/${added.name}`)
    }
  }
  // The replaced case keeps its createdAt; overwriteCase sets updatedAt and the revision.
  const meta = Object.fromEntries(
    Object.entries(item.meta).filter(([key]) => key !== 'createdAt' && key !== 'updatedAt'),
  )
  await overwriteCase(library, id, { meta, body: text }, deps)
}
