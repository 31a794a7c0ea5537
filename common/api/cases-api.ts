import type {
  AttachmentInfo,
  CaseBackup,
  CaseDoc,
  CaseMeta,
  CaseMetaInput,
  DamagedCase,
  TrashedCase,
} from '../model/case'
import type { Result } from './result'

export interface CreateCaseInput {
  meta?: Partial<CaseMetaInput>
  body?: string
}

export interface SaveCaseInput {
  id: string
  meta: CaseMetaInput
  body: string
  baseRevision: number
  /**
   * The `filesHash` of the document the edit started from. When given, a save is also refused as
   * a `conflict` if case.json or case.md changed on disk since (an editor or a sync tool that left
   * `revision` alone); callers without it (scripts, the CLI) are checked by revision only.
   */
  baseFilesHash?: string
}

export interface AddAttachmentInput {
  caseId: string
  name: string
  /** File content, base64-encoded so it crosses IPC and JSON alike. */
  dataBase64: string
}

/** Cases, their attachments, the trash and the backups taken before each overwrite. */
export interface CasesApi {
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
  'backups.list'(caseId: string): Promise<Result<{ backups: CaseBackup[] }>>
  'backups.restore'(caseId: string, stamp: string): Promise<Result<CaseDoc>>
}
