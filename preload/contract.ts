/**
 * The API contract (v1): the single source of truth for every door into the library —
 * the preload (IPC), the web host (HTTP), the CLI and the renderer's fakes.
 *
 * Types plus one table of method names, and nothing else: a sandboxed preload cannot
 * `require` npm packages, so this file must stay free of runtime imports.
 */

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
}

export interface RecentLibrary {
  path: string
  name: string
  openedAt: string
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
  | { type: 'library.changed'; ids: string[] }
  | { type: 'progress'; task: string; done: number; total: number }
  | { type: 'library.opened'; path: string }

/**
 * Every method of the API, keyed by its `domain.verb` name. All return a promise of a
 * Result envelope; expected failures are values, never thrown strings.
 */
export interface KbApi {
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
