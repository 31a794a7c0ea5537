import type { CaseDoc } from '../model/case'
import type { LibraryInfo } from '../model/library'
import type {
  CaseVersion,
  ConflictChoice,
  ConflictDetail,
  SyncConflict,
  SyncResult,
  SyncSettings,
  SyncStatus,
} from '../model/sync'
import type { Result } from './result'

/** The library on Git: connect, sync, clone, review conflicts, a case's history. */
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
