/** A reading path, `paths/<id>.json` in format v1 (docs/format.md). */
export interface ReadingPath {
  schema: 1
  id: string
  title: string
  description?: string
  steps: PathStep[]
}

export interface PathStep {
  caseId: string
  /** What to look for in this case, from whoever curated the path. */
  note?: string
}

/** What `PathStore.create` takes: the store assigns schema and id. */
export interface NewReadingPath {
  title: string
  description?: string
  steps?: PathStep[]
}

/** A step with what the library knows of its case now (the case may since have been deleted). */
export interface ResolvedStep extends PathStep {
  /** The case's current title; absent when the case is missing. */
  title?: string
  /** The case no longer exists (deleted, or moved to the trash). */
  missing: boolean
  /** The case exists but its case.json cannot be read. */
  damaged: boolean
}

export interface ResolvedPath extends Omit<ReadingPath, 'steps'> {
  steps: ResolvedStep[]
  /** How many steps point at cases that are gone. */
  missingCount: number
}
