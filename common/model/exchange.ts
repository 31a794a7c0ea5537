/** Files that cross the boundary: exports for the user to save, imports and what they did. */

export type DeckExportFormat = 'pptx' | 'pdf' | 'marp' | 'html'

/** What an export includes: slides per printed page, the speaker notes, contact names. */
export interface DeckExportOptions {
  perPage?: 1 | 2
  notes?: boolean
  /** Contact persons' names in the notes; default true (a handout for outsiders leaves them out). */
  contacts?: boolean
}

/** A file produced for the user to save (exports), base64-encoded to cross IPC and JSON. */
export interface ExportedFile {
  fileName: string
  mimeType: string
  dataBase64: string
}

/** What to do with an item that duplicates a case already in the library. */
export type DuplicateChoice = 'skip' | 'replace' | 'keep-both'

/** A file the user picked or dropped for import: its path relative to what was chosen. */
export interface ImportFile {
  path: string
  dataBase64: string
}

/** What an import would do, before it does it. */
export interface ImportPreview {
  id: string
  items: {
    key: string
    source: string
    title: string
    duplicateOf?: { id: string; title: string; reason: 'id' | 'title-period' }
    warnings: string[]
  }[]
  failed: { source: string; reason: string }[]
}

export interface ImportSummary {
  imported: { id: string; title: string; source: string }[]
  replaced: { id: string; title: string; source: string }[]
  skipped: { id: string; title: string; source: string; duplicateOf: string }[]
  failed: { source: string; reason: string }[]
  warnings: { source: string; message: string }[]
}
