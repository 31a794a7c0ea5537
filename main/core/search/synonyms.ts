import { normalizeText } from './normalize'

/** At most this many spellings per query word: a word holding several group members multiplies. */
const MAX_VARIANTS = 16

/**
 * The library's 表記ゆれ table (library.json `synonyms`), normalised once. A query word that
 * contains a member of a group also matches with that member replaced by each other member:
 * 子ども食堂 finds 子供食堂 and こども食堂 too.
 */
export class SynonymTable {
  private readonly groups: string[][]

  constructor(groups: readonly (readonly string[])[]) {
    this.groups = groups
      .map((group) => [...new Set(group.map(normalizeText).filter((m) => m.length > 0))])
      .filter((group) => group.length > 1)
  }

  /** Every spelling of the normalised word `term`, the word itself first. */
  variants(term: string): string[] {
    const found = new Set([term])
    for (const group of this.groups) {
      for (const spelling of [...found]) {
        for (const member of group) {
          if (!spelling.includes(member)) continue
          for (const other of group) {
            if (found.size >= MAX_VARIANTS) break
            if (other !== member) found.add(spelling.split(member).join(other))
          }
        }
      }
    }
    return [...found]
  }

  /** True when two normalised values are equal or spellings of each other (tag: filters). */
  same(a: string, b: string): boolean {
    if (a === b) return true
    return this.groups.some((group) => group.includes(a) && group.includes(b))
  }

  /** A stable description of the table, to tell whether a cached index used the same one. */
  key(): string {
    return JSON.stringify(this.groups)
  }
}
