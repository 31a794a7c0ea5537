/** Where backups live, inside the library (hidden, ignored by listings and the watcher). */
export const BACKUPS_FOLDER = '.backups'

/** "2025-04-01T09:30:00.123Z" → "20250401T093000123Z": sorts by time, safe as a file name. */
export function newStamp(now: Date): string {
  return now.toISOString().replace(/[-:.]/g, '')
}

/** The time in a stamp (anything after it, such as "-r12", is ignored). */
export function stampToIso(stamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z/.exec(stamp)
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` : stamp
}
