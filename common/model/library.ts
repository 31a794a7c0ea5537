/** The library as a whole: its format tag, what opening it tells, the recent list. */

import type { PartnerType } from './case'

/** Format tag written into library.json; readers refuse other majors. */
export const LIBRARY_FORMAT = 'kyodo-kb/1'

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
