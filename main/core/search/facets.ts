import type { FacetCount, SearchFacets } from '../../../common/model'
import type { SearchDocument } from './search-document'

const GROUPS = [
  'partnerTypes',
  'tags',
  'years',
  'departments',
  'statuses',
  'forms',
  'areas',
] as const
type Group = (typeof GROUPS)[number]

/**
 * Facet values as small integers, so counting the facets of 10,000 matching cases is a walk over
 * integer arrays instead of 100,000 string-keyed map updates.
 */
export class FacetTable {
  private readonly ids = new Map<string, number>()
  private readonly values: { group: number; key: string }[] = []

  /** The value numbers of one case, each group's values once. */
  idsOf(doc: SearchDocument): Int32Array {
    const f = doc.facets
    const perGroup: (readonly (string | undefined)[])[] = [
      f.partnerTypes,
      f.tags,
      [f.year],
      [f.department],
      [f.status],
      f.forms,
      [f.area],
    ]
    const out = new Set<number>()
    perGroup.forEach((keys, group) => {
      for (const key of keys) if (key !== undefined && key !== '') out.add(this.idOf(group, key))
    })
    return Int32Array.from(out)
  }

  /**
   * Counts, per sidebar group, the values of every matching case (before offset and limit).
   * Document n's value numbers are values[ends[n - 1] .. ends[n]) (from 0 for n = 0).
   */
  count(docs: readonly number[], values: readonly number[], ends: readonly number[]): SearchFacets {
    const counts = new Int32Array(this.values.length)
    for (let d = 0; d < docs.length; d++) {
      const n = docs[d]!
      const end = ends[n]!
      for (let i = n === 0 ? 0 : ends[n - 1]!; i < end; i++) counts[values[i]!]!++
    }
    const groups: FacetCount[][] = GROUPS.map(() => [])
    for (let id = 0; id < counts.length; id++) {
      const count = counts[id]!
      if (count === 0) continue
      const value = this.values[id]!
      groups[value.group]!.push({ key: value.key, count })
    }
    const result = {} as SearchFacets
    GROUPS.forEach((name: Group, g) => {
      const list = groups[g]!
      // Years read best newest first, like the 年度 sidebar; the rest by how many cases.
      if (name === 'years') list.sort((a, b) => b.key.localeCompare(a.key))
      else list.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      result[name] = list
    })
    return result
  }

  private idOf(group: number, key: string): number {
    const name = `${group}\u0000${key}`
    let id = this.ids.get(name)
    if (id === undefined) {
      id = this.values.push({ group, key }) - 1
      this.ids.set(name, id)
    }
    return id
  }
}
