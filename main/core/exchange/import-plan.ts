import { readFile, stat } from 'node:fs/promises'
import { basename, dirname, extname, resolve } from 'node:path'
import type { CaseMeta } from '../../../common/model'
import { isValidId, newCaseId } from '../ids'
import type { Library } from '../library'
import { MARKDOWN_EXTENSIONS, parseNote, scanVault, type Vault } from './markdown-note'
import { readPackage } from './package'
import { idFromFileStem } from './safe-names'
import { planSpreadsheet } from './xlsx-import'
import type { ImportPlan, PackageLimits } from './types'
import { errorMessage } from '../../../common/error-message'

export interface ImportDeps {
  now?: () => Date
  random?: () => number
  /** Limits for reading case packages (readPackage's defaults otherwise). */
  packageLimits?: PackageLimits
}

/** Titles compared the way people see them: NFC, trimmed, runs of spaces (either width) as one. */
export const titleKey = (title: string) =>
  title.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()

/**
 * Scans files and folders to import (Markdown notes, nested folders, case packages) and says
 * what would happen, writing nothing: every case found with the id it would get, its warnings,
 * and whether it duplicates a case in the library (same id, or same title and period start);
 * every file that cannot be used, with the reason. Pass the plan and the user's choices to
 * runImport.
 */
export async function planImport(
  library: Library,
  sources: string[],
  deps: ImportDeps = {},
): Promise<ImportPlan> {
  const plan: ImportPlan = { items: [], failed: [], partnerTypes: [] }
  const partnerTypes = library.config.partnerTypes
  for (const source of sources.map((s) => resolve(s))) {
    const info = await stat(source).catch(() => null)
    if (!info) {
      plan.failed.push({ source, reason: 'ファイルが見つかりません (file not found)' })
      continue
    }
    let notes: string[] = []
    let packages: string[] = []
    let vault: Vault
    if (info.isFile() && extname(source).toLowerCase() === '.xlsx') {
      await planSpreadsheet(source, plan, library)
      continue
    }
    if (info.isDirectory()) {
      ;({ notes, packages, vault } = await scanVault(source))
      // Spreadsheets directly in the chosen folder are case lists (the import screen uploads
      // into one); deeper ones may be a vault's attachments and stay attachments.
      const sheets = [...vault.filesByName.values()]
        .flat()
        .filter((f) => dirname(f) === source && extname(f).toLowerCase() === '.xlsx')
      for (const sheet of sheets.sort()) await planSpreadsheet(sheet, plan, library)
    } else {
      const ext = extname(source).toLowerCase()
      vault = { root: dirname(source), filesByName: new Map() }
      if (MARKDOWN_EXTENSIONS.has(ext)) notes = [source]
      else if (ext === '.zip') packages = [source]
      else {
        plan.failed.push({
          source,
          reason: `取り込めない種類のファイルです: ${ext || '(拡張子なし)'} (unsupported file type; use .md, .xlsx or a .zip package)`,
        })
        continue
      }
    }
    for (const note of notes) {
      try {
        const parsed = await parseNote(note, vault, partnerTypes)
        plan.items.push({
          key: note,
          source: note,
          kind: 'markdown',
          id:
            parsed.idHint && isValidId(parsed.idHint)
              ? parsed.idHint
              : (idFromFileStem(basename(note, extname(note))) ?? ''),
          title: parsed.title,
          linkNames: parsed.linkNames,
          meta: parsed.meta,
          body: parsed.body,
          attachments: parsed.attachments,
          warnings: parsed.warnings,
        })
      } catch (error) {
        plan.failed.push({ source: note, reason: errorMessage(error) })
      }
    }
    for (const file of packages) await planPackage(file, plan, library, deps.packageLimits)
  }
  await markDuplicates(library, plan, deps)
  return plan
}

async function planPackage(
  file: string,
  plan: ImportPlan,
  library: Library,
  limits?: PackageLimits,
): Promise<void> {
  try {
    const contents = await readPackage(await readFile(file), limits)
    const known = new Set(library.config.partnerTypes.map((t) => t.key))
    for (const type of contents.manifest.partnerTypes ?? []) {
      if (!known.has(type.key) && !plan.partnerTypes.some((t) => t.key === type.key)) {
        plan.partnerTypes.push(type)
      }
    }
    for (const item of contents.cases) {
      plan.items.push({
        key: `${file}#${item.id}`,
        source: `${file} › ${item.meta.title}`,
        kind: 'package',
        id: item.id,
        title: item.meta.title,
        linkNames: [item.meta.title],
        meta: item.meta,
        body: item.body,
        attachments: item.attachments.map((a) => ({
          name: a.name,
          from: { kind: 'package' as const, package: file, entry: a.entry },
          size: a.size,
        })),
        warnings: [],
      })
    }
  } catch (error) {
    plan.failed.push({ source: file, reason: errorMessage(error) })
  }
}

/**
 * Gives every item an id no other item of the plan has, and marks those the library already
 * holds. Ids are only proposals: runImport checks again, since others may write meanwhile.
 */
async function markDuplicates(library: Library, plan: ImportPlan, deps: ImportDeps): Promise<void> {
  const { cases } = await library.cases.list()
  const existingIds = new Set(await library.cases.caseFolderNames())
  const byTitle = new Map<string, CaseMeta[]>()
  for (const meta of cases) {
    const key = titleKey(meta.title)
    byTitle.set(key, [...(byTitle.get(key) ?? []), meta])
  }
  const used = new Set<string>()
  const now = deps.now ?? (() => new Date())
  const random = deps.random ?? Math.random
  for (const item of plan.items) {
    const start = (item.meta.period as CaseMeta['period'])?.start ?? null
    const sameId =
      item.id && existingIds.has(item.id) ? cases.find((c) => c.id === item.id) : undefined
    const sameTitle = (byTitle.get(titleKey(item.title)) ?? []).find(
      (c) => (c.period?.start ?? null) === start,
    )
    if (sameId) item.duplicateOf = { id: sameId.id, title: sameId.title, reason: 'id' }
    else if (item.id && existingIds.has(item.id)) {
      // The folder exists but its case.json is damaged: never write over it.
      item.id = ''
    } else if (sameTitle)
      item.duplicateOf = { id: sameTitle.id, title: sameTitle.title, reason: 'title-period' }
    if (!item.id || used.has(item.id) || (existingIds.has(item.id) && !item.duplicateOf)) {
      do item.id = newCaseId(now(), random)
      while (used.has(item.id) || existingIds.has(item.id))
    }
    used.add(item.id)
  }
}
