import { readdir, readFile } from 'node:fs/promises'
import type { Adapter } from 'lowdb'
import { isValidId } from '../../common/id-pattern'
import { writeFileAtomic, type WriteSteps } from './atomic-write'

/**
 * A lowdb adapter for one JSON file whose writes go through writeFileAtomic (flush + rename with
 * retry). lowdb's own JSONFile never fsyncs and has no retry for Windows' EPERM on rename.
 * `read` returns null for a missing file and throws (SyntaxError) for one that does not parse,
 * so the caller can report it as damaged instead of overwriting it.
 */
export class AtomicJsonFile<T> implements Adapter<T> {
  constructor(
    private readonly path: string,
    private readonly steps?: WriteSteps,
  ) {}

  async read(): Promise<T | null> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    // A byte-order mark from Windows editors is not part of the JSON.
    return JSON.parse(text.replace(/^\uFEFF/, '')) as T
  }

  async write(data: T): Promise<void> {
    await writeFileAtomic(this.path, `${JSON.stringify(data, null, 2)}\n`, this.steps)
  }
}

/**
 * The ids of the `<id>.json` documents in a folder (decks/, paths/), sorted; other files and
 * names that are not valid ids are ignored, and a missing folder has none.
 */
export async function jsonDocumentIds(folder: string): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(folder)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  return names
    .filter((name) => name.endsWith('.json') && isValidId(name.slice(0, -'.json'.length)))
    .map((name) => name.slice(0, -'.json'.length))
    .sort()
}
