import { join } from 'node:path'
import { Low } from 'lowdb'
import { z } from 'zod'
import type { RecentLibrary } from '../../common/model'
import { AtomicJsonFile } from './json-file'

const MAX_RECENT = 10
const recentSchema = z.array(
  z.strictObject({ path: z.string(), name: z.string(), openedAt: z.string() }),
)

/**
 * The libraries this user opened lately, newest first, kept in the user's app-data folder (not in
 * any library: a shared library must not learn who opened it from where). A damaged file is
 * treated as an empty list; it only holds shortcuts.
 */
export class RecentLibraries {
  private readonly db: Low<unknown>

  constructor(appDataFolder: string) {
    this.db = new Low<unknown>(new AtomicJsonFile(join(appDataFolder, 'recent-libraries.json')), [])
  }

  async list(): Promise<RecentLibrary[]> {
    try {
      await this.db.read()
    } catch {
      return []
    }
    const parsed = recentSchema.safeParse(this.db.data)
    return parsed.success ? parsed.data : []
  }

  async remember(entry: RecentLibrary): Promise<void> {
    const others = (await this.list()).filter((r) => r.path !== entry.path)
    this.db.data = [entry, ...others].slice(0, MAX_RECENT)
    await this.db.write()
  }
}
