import type { PartnerType } from '../model/case'
import type { LibraryInfo, RecentLibrary } from '../model/library'
import type { Result } from './result'

/** The library as a whole: which one is open, and its library.json settings. */
export interface LibraryApi {
  'library.info'(): Promise<Result<LibraryInfo>>
  /** Opens another library folder (an empty folder becomes a new library) and remembers it. */
  'library.open'(path: string): Promise<Result<LibraryInfo>>
  'library.recent'(): Promise<Result<{ libraries: RecentLibrary[] }>>
  'library.setPartnerTypes'(types: PartnerType[]): Promise<Result<LibraryInfo>>
  'library.setSynonyms'(groups: string[][]): Promise<Result<{ synonyms: string[][] }>>
  'library.synonyms'(): Promise<Result<{ synonyms: string[][] }>>
}
