/** Team sync with Git: conflicts kept for review, sync settings and status, case history. */

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
