import type { PartnerType } from '../model/case'
import type { LibraryInfo, RecentLibrary } from '../model/library'
import type { Result } from './result'

/** What the folder picker answers: the chosen folder, or null when the user cancelled. */
export interface PickedFolder {
  path: string | null
}

/** The library as a whole: which one is open, and its library.json settings. */
export interface LibraryApi {
  'library.info'(): Promise<Result<LibraryInfo>>
  /** Opens another library folder (an empty folder becomes a new library) and remembers it. */
  'library.open'(path: string): Promise<Result<LibraryInfo>>
  'library.recent'(): Promise<Result<{ libraries: RecentLibrary[] }>>
  /**
   * Lets the user choose a library folder in the system's own folder dialog (desktop app only;
   * the web host answers `invalid`, and the renderer keeps the typed path there). Opens nothing:
   * the renderer passes the chosen path to `library.open`.
   */
  'library.pickFolder'(): Promise<Result<PickedFolder>>
  'library.setPartnerTypes'(types: PartnerType[]): Promise<Result<LibraryInfo>>
  'library.setSynonyms'(groups: string[][]): Promise<Result<{ synonyms: string[][] }>>
  'library.synonyms'(): Promise<Result<{ synonyms: string[][] }>>
}
