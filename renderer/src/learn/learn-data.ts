import { composeQuery, type SearchFilter } from '../../../common/search/query-syntax'

/** A label without its parenthesised explanation: 「他の公的機関（社協・学校・他自治体）」→「他の公的機関」. */
export const shortLabel = (label: string) => label.replace(/\s*[（(].*$/, '')

/** The hash of the search that lists the cases behind one bar, cell or chip. */
export function searchHref(filter: SearchFilter): string {
  return `#/search?q=${encodeURIComponent(composeQuery(filter))}`
}

/** Where a reader's progress through a path is kept: per library and path, on this machine. */
export function progressKey(libraryPath: string, pathId: string): string {
  return `kb.pathProgress:${libraryPath}:${pathId}`
}

export interface PathProgress {
  /** Case ids of the steps read. */
  read: string[]
  /** The step the reader was at. */
  at: number
}

export function loadProgress(key: string): PathProgress {
  try {
    const raw = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<PathProgress> | null
    return {
      read: Array.isArray(raw?.read) ? raw.read.filter((id) => typeof id === 'string') : [],
      at: typeof raw?.at === 'number' && raw.at >= 0 ? Math.floor(raw.at) : 0,
    }
  } catch {
    return { read: [], at: 0 }
  }
}

export function storeProgress(key: string, progress: PathProgress): void {
  try {
    localStorage.setItem(key, JSON.stringify(progress))
  } catch {
    // Storage can be disabled by policy; progress then lasts this session only.
  }
}
