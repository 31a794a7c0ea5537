/**
 * The API contract (v1): the single source of truth for every door into the library —
 * the preload (IPC), the web host (HTTP), the CLI and the renderer's fakes.
 *
 * Types plus one table of method names, and nothing else: a sandboxed preload cannot
 * `require` npm packages, so this file must stay free of runtime imports.
 */

import type { Deck, DeckInput, DeckSummary } from '../common/decks/deck-schema'
import type { DeckOutline } from '../common/decks/slide-types'
import type { FreshnessReport } from '../common/learn/freshness'
import type { GlossaryEntry } from '../common/learn/glossary'
import type { NewReadingPath, ReadingPath, ResolvedPath } from '../common/learn/reading-path'
import type { RelatedCase } from '../common/learn/related'

// Type-only imports from common/ (pure, shared with the renderer) are erased at build time, so
// this file still has no runtime imports.
export type { Deck, DeckInput, DeckSummary, DeckOutline, FreshnessReport, GlossaryEntry }
export type { NewReadingPath, ReadingPath, ResolvedPath, RelatedCase }

/** Format tag written into library.json; readers refuse other majors. */
export const LIBRARY_FORMAT = 'kyodo-kb/1'

export const COLLABORATION_FORMS = [
  '共催',
  '後援',
  '補助',
  '委託',
  '事業協力・協定',
  '実行委員会・協議会',
  '情報交換',
  'その他',
] as const
export type CollaborationForm = (typeof COLLABORATION_FORMS)[number]

export const CASE_STATUSES = ['draft', 'published', 'archived'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

export const INITIATORS = ['city', 'partner', 'joint'] as const
export type Initiator = (typeof INITIATORS)[number]

/** Headings of the body template, in order (DESIGN.md). */
export const BODY_SECTIONS = [
  '背景・課題',
  '協働のきっかけ',
  '共有した目標',
  '役割分担',
  '取り組みの内容',
  '成果と効果',
  '協働のコツ',
  '苦労と教訓',
  '今後の展望',
] as const

export interface PartnerType {
  key: string
  ja: string
  en: string
  color: string
}

export interface Partner {
  name: string
  type: string
  role: string
}

export interface Outcome {
  label: string
  value: number
  unit: string
}

export interface CaseMeta {
  schema: 1
  id: string
  title: string
  summary?: string
  partnerTypes: string[]
  partners?: Partner[]
  forms?: CollaborationForm[]
  initiatedBy?: Initiator
  department?: string
  area?: string
  period?: { start: string; end?: string | null }
  fiscalYear?: number
  status: CaseStatus
  tags?: string[]
  outcomes?: Outcome[]
  evaluation?: { city?: number; partner?: number; note?: string }
  contact?: { name?: string; section?: string }
  sources?: { title: string; url: string }[]
  related?: string[]
  lastVerified?: string
  createdAt: string
  updatedAt: string
  revision: number
}

/** What a caller may set; the store owns schema, id, timestamps and revision. */
export type CaseMetaInput = Omit<CaseMeta, 'schema' | 'id' | 'createdAt' | 'updatedAt' | 'revision'>

export interface CaseDoc {
  meta: CaseMeta
  body: string
}

export interface DamagedCase {
  id: string
  file: string
  reason: string
}

export interface TrashedCase {
  id: string
  title: string
  deletedAt: string
}

export interface AttachmentInfo {
  name: string
  size: number
}

export interface LibraryInfo {
  name: string
  path: string
  format: string
  caseCount: number
  partnerTypes: PartnerType[]
  /** Something the user should know from opening it (e.g. library.json restored from backup). */
  notice?: string
}

export interface RecentLibrary {
  path: string
  name: string
  openedAt: string
}

/** A piece of snippet text; `match` marks the parts that matched the query (never HTML). */
export interface TextSegment {
  text: string
  match: boolean
}

export interface SearchHit {
  id: string
  title: string
  score: number
  /** The title split into segments, matches marked. */
  titleSegments: TextSegment[]
  /** Up to three passages around the matches (from summary and body), as segments. */
  snippets: TextSegment[][]
}

export interface FacetCount {
  key: string
  count: number
}

/** Counts per sidebar group over every case matching the query (years as "2023"). */
export interface SearchFacets {
  partnerTypes: FacetCount[]
  tags: FacetCount[]
  years: FacetCount[]
  departments: FacetCount[]
  statuses: FacetCount[]
  forms: FacetCount[]
  areas: FacetCount[]
}

export type SearchSort = 'relevance' | 'year' | 'updated'

export interface SearchOptions {
  /** How many hits (with snippets) to return; default 50. */
  limit?: number
  offset?: number
  sort?: SearchSort
}

export interface SearchResult {
  total: number
  hits: SearchHit[]
  /** Every matching id in result order (hits carry snippets only for the first `limit`). */
  ids: string[]
  facets: SearchFacets
  /** Time the engine took, in milliseconds. */
  ms: number
}

export interface SavedSearch {
  id: string
  name: string
  query: string
}

/** A change to one tag across the library (rename, merge several into one, delete). */
export type TagEdit =
  | { kind: 'rename'; from: string; to: string }
  | { kind: 'merge'; from: string[]; to: string }
  | { kind: 'delete'; tag: string }

export type DeckExportFormat = 'pptx' | 'pdf' | 'marp' | 'html'

/** A file produced for the user to save (exports), base64-encoded to cross IPC and JSON. */
export interface ExportedFile {
  fileName: string
  mimeType: string
  dataBase64: string
}

export interface Tip {
  caseId: string
  title: string
  section: '協働のコツ' | '苦労と教訓'
  markdown: string
  items: string[]
}

export interface PartnerGuide {
  key: string
  partnerType?: PartnerType
  intro: string
  cases: { id: string; title: string; fiscalYear?: number }[]
  topForms: { form: string; count: number }[]
  topTags: { tag: string; count: number }[]
  tips: Tip[]
}

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

export interface CaseBackup {
  stamp: string
  takenAt: string
  revision: number | null
  title: string | null
  updatedAt: string | null
}

export type ErrorCode = 'invalid' | 'not_found' | 'conflict' | 'damaged' | 'io'

export interface ApiError {
  code: ErrorCode
  message: string
  /** For `conflict`: the version now on disk, so the user can compare and choose. */
  current?: CaseDoc
  /** For `invalid`: which field was wrong, as a dotted path, with its message. */
  issues?: { path: string; message: string }[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export interface CreateCaseInput {
  meta?: Partial<CaseMetaInput>
  body?: string
}

export interface SaveCaseInput {
  id: string
  meta: CaseMetaInput
  body: string
  baseRevision: number
}

export interface AddAttachmentInput {
  caseId: string
  name: string
  /** File content, base64-encoded so it crosses IPC and JSON alike. */
  dataBase64: string
}

/** Events pushed from main to every window / web client. */
export type KbEvent =
  | { type: 'library.changed'; ids: string[]; external?: boolean }
  | { type: 'progress'; task: string; done: number; total: number }
  | { type: 'library.opened'; path: string }
  | { type: 'index.ready'; caseCount: number; ms: number; fromCache: boolean }

// ---------------------------------------------------------------------------------------------
// Sync (issue #12): the library on Git. Kept together so it can move to common/model/sync and
// common/api/sync as one piece.

/** One change both sides made differently, kept for review: the local version stays in place. */
export interface SyncConflict {
  /** The conflict record's id (`conflicts/<id>.json` in the library). */
  id: string
  /** `case`: a case changed on both sides; `file`: another file; `edit-delete`: edited on one
   *  side, deleted on the other (the edit survived). */
  kind: 'case' | 'file' | 'edit-delete'
  /** The case id (kind `case`), else the library-relative file path. */
  path: string
  /** The case title or the file path, for lists. */
  title: string
  /** Where the other side's version is kept: a case id (kind `case`) or a library-relative file. */
  copy?: string
  /** JSON fields changed differently on both sides (empty for text and binary conflicts). */
  fields: string[]
  /** When the conflict was found (ISO 8601), and the other side's author. */
  at: string
  by?: string
}

export interface SyncResult {
  status: 'synced' | 'conflicts'
  /** Cases (and other files) sent to and received from the remote. */
  sent: number
  received: number
  conflicts: SyncConflict[]
}

export interface SyncSettings {
  /** HTTP(S) URL of the remote repository; empty when the library is not synced. */
  remote: string
  user: string
  /** Sync every N minutes while the app is open (0: only on demand). */
  intervalMinutes: number
  syncOnClose: boolean
}

export interface SyncStatus extends SyncSettings {
  /** A token is stored for this user (the token itself never leaves main). */
  hasToken: boolean
  lastSyncedAt?: string
  /** Changed files not yet synced, and commits ahead of / behind the remote as last fetched. */
  pending: number
  ahead: number
  behind: number
  /** The library is on a network drive, where Git sync is refused. */
  networkPath: boolean
  running: boolean
  conflicts: number
}

export type ConflictChoice = 'mine' | 'theirs' | 'both'

export interface ConflictSide {
  label: string
  /** The text (case: title and body; JSON pretty-printed); null for a binary file. */
  text: string | null
  size: number
}

export interface ConflictDetail {
  conflict: SyncConflict
  mine: ConflictSide
  theirs: ConflictSide
}

/** One version of a case in the Git history. */
export interface CaseVersion {
  commit: string
  author: string
  at: string
  message: string
  title?: string
  revision?: number
}

export interface SyncApi {
  'sync.status'(): Promise<Result<SyncStatus>>
  /** Saves the remote and user for this library (token only when given; kept per user). */
  'sync.configure'(settings: SyncSettings & { token?: string }): Promise<Result<SyncStatus>>
  /** Tries the remote with these credentials without changing anything. */
  'sync.test'(input: {
    remote: string
    user: string
    token?: string
  }): Promise<Result<{ empty: boolean }>>
  'sync.run'(): Promise<Result<SyncResult>>
  /** Makes a new library in `path` from a remote and opens it. */
  'sync.clone'(input: {
    remote: string
    user: string
    token: string
    path: string
  }): Promise<Result<LibraryInfo>>
  'sync.conflicts'(): Promise<Result<{ conflicts: SyncConflict[] }>>
  'sync.conflict'(id: string): Promise<Result<ConflictDetail>>
  'sync.resolve'(id: string, choice: ConflictChoice): Promise<Result<{ id: string }>>
  'history.list'(caseId: string): Promise<Result<{ versions: CaseVersion[] }>>
  /** Restores a version from the history as a new save of the case. */
  'history.restore'(caseId: string, commit: string): Promise<Result<CaseDoc>>
}

export const SYNC_METHODS = [
  'sync.status',
  'sync.configure',
  'sync.test',
  'sync.run',
  'sync.clone',
  'sync.conflicts',
  'sync.conflict',
  'sync.resolve',
  'history.list',
  'history.restore',
] as const satisfies readonly (keyof SyncApi)[]
// --------------------------------------------------------------------------- end of sync block

/**
 * Every method of the API, keyed by its `domain.verb` name. All return a promise of a
 * Result envelope; expected failures are values, never thrown strings.
 */
export interface KbApi extends SyncApi {
  'library.info'(): Promise<Result<LibraryInfo>>
  /** Opens another library folder (an empty folder becomes a new library) and remembers it. */
  'library.open'(path: string): Promise<Result<LibraryInfo>>
  'library.recent'(): Promise<Result<{ libraries: RecentLibrary[] }>>
  'cases.list'(): Promise<Result<{ cases: CaseMeta[]; damaged: DamagedCase[] }>>
  'cases.get'(id: string): Promise<Result<CaseDoc>>
  'cases.create'(input: CreateCaseInput): Promise<Result<CaseDoc>>
  'cases.save'(input: SaveCaseInput): Promise<Result<CaseDoc>>
  'cases.remove'(id: string): Promise<Result<{ id: string }>>
  'cases.restore'(id: string): Promise<Result<{ id: string }>>
  'cases.trash'(): Promise<Result<{ cases: TrashedCase[] }>>
  'attachments.list'(caseId: string): Promise<Result<{ attachments: AttachmentInfo[] }>>
  'attachments.add'(input: AddAttachmentInput): Promise<Result<AttachmentInfo>>
  'attachments.remove'(caseId: string, name: string): Promise<Result<{ name: string }>>
  'search.query'(query: string, options?: SearchOptions): Promise<Result<SearchResult>>
  'searches.list'(): Promise<Result<{ searches: SavedSearch[] }>>
  'searches.save'(input: { name: string; query: string }): Promise<Result<SavedSearch>>
  'searches.remove'(id: string): Promise<Result<{ id: string }>>
  /** How many cases a tag edit would change, before doing it. */
  'tags.preview'(edit: TagEdit): Promise<Result<{ ids: string[]; titles: string[] }>>
  'tags.apply'(edit: TagEdit): Promise<Result<{ changed: string[] }>>
  'library.setPartnerTypes'(types: PartnerType[]): Promise<Result<LibraryInfo>>
  'library.setSynonyms'(groups: string[][]): Promise<Result<{ synonyms: string[][] }>>
  'library.synonyms'(): Promise<Result<{ synonyms: string[][] }>>
  'decks.list'(): Promise<Result<{ decks: DeckSummary[] }>>
  'decks.get'(id: string): Promise<Result<Deck>>
  'decks.create'(input: DeckInput): Promise<Result<Deck>>
  'decks.save'(deck: Deck): Promise<Result<Deck>>
  'decks.remove'(id: string): Promise<Result<{ id: string }>>
  /** The slides as they will be exported, for the builder's live preview. */
  'decks.outline'(id: string): Promise<Result<DeckOutline>>
  'decks.export'(
    id: string,
    format: DeckExportFormat,
    options?: { perPage?: 1 | 2; notes?: boolean },
  ): Promise<Result<ExportedFile>>
  'learn.guide'(partnerType: string): Promise<Result<PartnerGuide>>
  'learn.setGuideIntro'(partnerType: string, intro: string): Promise<Result<{ key: string }>>
  'learn.related'(caseId: string): Promise<Result<{ related: RelatedCase[] }>>
  'learn.freshness'(): Promise<Result<FreshnessReport & { maxAgeMonths: number }>>
  'learn.setFreshnessAge'(months: number): Promise<Result<{ maxAgeMonths: number }>>
  'glossary.get'(): Promise<Result<{ entries: GlossaryEntry[] }>>
  'glossary.set'(entries: GlossaryEntry[]): Promise<Result<{ entries: GlossaryEntry[] }>>
  'paths.list'(): Promise<Result<{ paths: ReadingPath[] }>>
  'paths.get'(id: string): Promise<Result<ResolvedPath>>
  'paths.create'(input: NewReadingPath): Promise<Result<ReadingPath>>
  'paths.save'(path: ReadingPath): Promise<Result<ReadingPath>>
  'paths.remove'(id: string): Promise<Result<{ id: string }>>
  /** Uploads files to import and plans the import (duplicates, bad files); writes nothing yet. */
  'import.prepare'(files: ImportFile[]): Promise<Result<ImportPreview>>
  'import.run'(
    id: string,
    onDuplicate: DuplicateChoice | Record<string, DuplicateChoice>,
  ): Promise<Result<ImportSummary>>
  'import.cancel'(id: string): Promise<Result<{ id: string }>>
  /** A selection (or, with no ids, every case) as an exchange package, reading HTML or Markdown. */
  'exchange.export'(
    ids: string[],
    format: 'package' | 'html' | 'markdown',
  ): Promise<Result<ExportedFile>>
  'backups.list'(caseId: string): Promise<Result<{ backups: CaseBackup[] }>>
  'backups.restore'(caseId: string, stamp: string): Promise<Result<CaseDoc>>
}

export type KbMethod = keyof KbApi

/** The method table: the only names the preload exposes and the hosts accept. */
export const KB_METHODS = [
  'library.info',
  'library.open',
  'library.recent',
  'cases.list',
  'cases.get',
  'cases.create',
  'cases.save',
  'cases.remove',
  'cases.restore',
  'cases.trash',
  'attachments.list',
  'attachments.add',
  'attachments.remove',
  'search.query',
  'searches.list',
  'searches.save',
  'searches.remove',
  'tags.preview',
  'tags.apply',
  'library.setPartnerTypes',
  'library.setSynonyms',
  'library.synonyms',
  'decks.list',
  'decks.get',
  'decks.create',
  'decks.save',
  'decks.remove',
  'decks.outline',
  'decks.export',
  'learn.guide',
  'learn.setGuideIntro',
  'learn.related',
  'learn.freshness',
  'learn.setFreshnessAge',
  'glossary.get',
  'glossary.set',
  'paths.list',
  'paths.get',
  'paths.create',
  'paths.save',
  'paths.remove',
  'import.prepare',
  'import.run',
  'import.cancel',
  'exchange.export',
  'backups.list',
  'backups.restore',
  ...SYNC_METHODS,
] as const satisfies readonly KbMethod[]

// Compile-time proof that the table lists every method of KbApi (and nothing else).
type Missing = Exclude<KbMethod, (typeof KB_METHODS)[number]>
const tableIsComplete: Missing extends never ? true : Missing = true
void tableIsComplete

/** The IPC channel on which main pushes KbEvents. */
export const KB_EVENT_CHANNEL = 'kb:event'

/** What the preload exposes as `window.kb`: the named methods plus one subscription. */
export type KbBridge = KbApi & {
  /** Subscribe to events from main; returns the unsubscribe function. */
  onEvent(listener: (event: KbEvent) => void): () => void
}
