import type { MetaDraft } from './meta-draft'

/**
 * An edit that could not be saved (the back end gone, a network share asleep) is kept in the
 * browser storage of this computer, per library and case, so that closing or reloading the
 * window does not lose it. It is offered again when that case's editor opens, and removed once
 * a save succeeds or the user discards it.
 */
export interface LocalDraft {
  draft: MetaDraft
  body: string
  /** The revision the edit was based on (null for a new case). */
  baseRevision: number | null
  /** The files hash of the version the edit was based on (absent for a new case or an old draft). */
  baseFilesHash?: string
  /** ISO time the draft was kept. */
  keptAt: string
}

const PREFIX = 'kb.draft:'

/** The storage key: library path and case id (`new` for a case not yet created). */
export function draftKey(libraryPath: string, caseId: string | null): string {
  return `${PREFIX}${libraryPath}\u0000${caseId ?? 'new'}`
}

export function keepDraft(
  key: string,
  draft: Omit<LocalDraft, 'keptAt'>,
  now = new Date(),
): boolean {
  try {
    localStorage.setItem(key, JSON.stringify({ ...draft, keptAt: now.toISOString() }))
    return true
  } catch {
    // Storage disabled by policy or full: the edit still stays in the open editor.
    return false
  }
}

export function readDraft(key: string): LocalDraft | null {
  try {
    const text = localStorage.getItem(key)
    if (!text) return null
    const value = JSON.parse(text) as Partial<LocalDraft>
    if (typeof value.body !== 'string' || typeof value.draft !== 'object' || !value.draft)
      return null
    return {
      draft: value.draft,
      body: value.body,
      baseRevision: typeof value.baseRevision === 'number' ? value.baseRevision : null,
      ...(typeof value.baseFilesHash === 'string' && { baseFilesHash: value.baseFilesHash }),
      keptAt: typeof value.keptAt === 'string' ? value.keptAt : '',
    }
  } catch {
    return null
  }
}

export function dropDraft(key: string): void {
  try {
    localStorage.removeItem(key)
  } catch {
    // Nothing kept, nothing to remove.
  }
}
