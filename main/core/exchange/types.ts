import type { CaseMeta, DuplicateChoice, ImportSummary } from '../../../common/model'

export type { DuplicateChoice, ImportSummary }

/** Where an attachment of a planned case comes from: a file on disk or a package entry. */
export type AttachmentSource =
  { kind: 'file'; path: string } | { kind: 'package'; package: string; entry: string }

export interface PlannedAttachment {
  /** The safe name it gets in `attachments/` (before numbering against existing files). */
  name: string
  from: AttachmentSource
  size: number
}

/** A wikilink target found in a Markdown body, resolved to a case id only when the import runs. */
export interface PlannedCase {
  /** Unique within the plan: the source file, or `<package>#<id>` for a package entry. */
  key: string
  /** Shown to the user: the file path, or `<package> › <title>`. */
  source: string
  kind: 'markdown' | 'package' | 'spreadsheet'
  /** The id the case gets when nothing else has it. */
  id: string
  title: string
  /** Names other notes may use in `[[…]]` for this one: title, aliases, file name. */
  linkNames: string[]
  /**
   * Metadata in format v1 plus, for Markdown, `extra` (front matter keys v1 has no field for).
   * For packages: the stored case.json as it was in the package.
   */
  meta: Record<string, unknown>
  body: string
  attachments: PlannedAttachment[]
  /** Set when the library already holds this case (same id, or same title and period start). */
  duplicateOf?: { id: string; title: string; reason: 'id' | 'title-period' }
  /** Things the user should know that did not stop the import (unknown partner type, missing image…). */
  warnings: string[]
}

/** The result of scanning sources: every case found, and every file that could not be read. */
export interface ImportPlan {
  items: PlannedCase[]
  failed: { source: string; reason: string }[]
  /** Partner types a package defines that this library lacks; added to library.json on import. */
  partnerTypes: { key: string; ja: string; en: string; color: string }[]
}

export interface ImportChoices {
  /** One choice for every duplicate, or one per item `key` (items not named are skipped). */
  onDuplicate: DuplicateChoice | Record<string, DuplicateChoice>
}

export interface PackageManifest {
  format: 'kyodo-kb-package/1'
  createdAt: string
  cases: { id: string; title: string }[]
  files: { path: string; sha256: string; size: number }[]
  /** The exporting library's partner types used by these cases (so keys can be added on import). */
  partnerTypes?: { key: string; ja: string; en: string; color: string }[]
}

export interface PackageCase {
  id: string
  /** case.json as stored (format v1, unknown keys kept). */
  meta: CaseMeta & Record<string, unknown>
  body: string
  attachments: { name: string; entry: string; size: number }[]
}

export interface PackageContents {
  manifest: PackageManifest
  cases: PackageCase[]
  /** Verified bytes of every attachment, by entry path. */
  files: Map<string, Uint8Array>
}

export interface PackageLimits {
  maxEntries?: number
  maxTotalBytes?: number
  maxEntryBytes?: number
}
