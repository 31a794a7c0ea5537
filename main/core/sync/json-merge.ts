/**
 * Field-by-field three-way merge of parsed JSON (case.json, library.json, decks, paths). A line
 * merge of case.json would conflict on every concurrent edit, because every save rewrites
 * `revision` and `updatedAt`; here each field is merged on its own:
 * - a field changed on one side only takes that change;
 * - lists of plain values (tags, related, partnerTypes…) are sets: additions and removals from
 *   both sides are applied;
 * - `revision` becomes the larger of the two plus one, `updatedAt` the later of the two;
 * - a field changed differently on both sides keeps the local value and is reported, so the
 *   caller can keep the other side's version beside it.
 */
export interface JsonMerge {
  value: unknown
  /** Dotted paths of the fields changed differently on both sides (local value kept). */
  conflicts: string[]
}

type Json = unknown

export interface JsonMergeOptions {
  /** Top-level integer fields that count saves: max of both sides + 1. */
  counters?: string[]
  /** Top-level ISO timestamps: the later of both sides. */
  latest?: string[]
}

export const CASE_JSON_RULES: JsonMergeOptions = { counters: ['revision'], latest: ['updatedAt'] }

export function mergeJson(
  base: Json,
  ours: Json,
  theirs: Json,
  options: JsonMergeOptions = {},
): JsonMerge {
  const conflicts: string[] = []
  const special = new Set([...(options.counters ?? []), ...(options.latest ?? [])])
  const value = mergeValue(base, ours, theirs, '', conflicts, special)
  const bothChanged = !equal(ours, theirs) && !equal(base, ours) && !equal(base, theirs)
  if (bothChanged && isObject(value) && isObject(ours) && isObject(theirs)) {
    for (const key of options.counters ?? []) {
      const a = ours[key]
      const b = theirs[key]
      if (typeof a === 'number' && typeof b === 'number') value[key] = Math.max(a, b) + 1
    }
    for (const key of options.latest ?? []) {
      const a = ours[key]
      const b = theirs[key]
      if (typeof a === 'string' && typeof b === 'string') value[key] = a > b ? a : b
    }
  }
  return { value, conflicts }
}

function mergeValue(
  base: Json,
  ours: Json,
  theirs: Json,
  path: string,
  conflicts: string[],
  special: ReadonlySet<string>,
): Json {
  if (equal(ours, theirs)) return ours
  if (equal(base, ours)) return theirs
  if (equal(base, theirs)) return ours
  if (isObject(ours) && isObject(theirs)) {
    const baseObject = isObject(base) ? base : {}
    const result: Record<string, Json> = {}
    const keys = new Set([...Object.keys(ours), ...Object.keys(theirs)])
    for (const key of keys) {
      const childPath = path ? `${path}.${key}` : key
      // Counters and timestamps are settled by mergeJson; they are never a conflict.
      if (path === '' && special.has(key)) {
        result[key] = ours[key] ?? theirs[key]
        continue
      }
      const merged = mergeValue(
        baseObject[key],
        ours[key],
        theirs[key],
        childPath,
        conflicts,
        special,
      )
      if (merged !== undefined) result[key] = merged
    }
    return result
  }
  if (isValueList(ours) && isValueList(theirs) && (base === undefined || isValueList(base))) {
    return mergeSets(base ?? [], ours, theirs)
  }
  conflicts.push(path || '(root)')
  return ours
}

/** Applies both sides' additions and removals; keeps the local order, then the other side's new items. */
function mergeSets(base: Json[], ours: Json[], theirs: Json[]): Json[] {
  const key = (v: Json) => JSON.stringify(v)
  const inBase = new Set(base.map(key))
  const inOurs = new Set(ours.map(key))
  const inTheirs = new Set(theirs.map(key))
  const removedByTheirs = (k: string) => inBase.has(k) && !inTheirs.has(k)
  const result = ours.filter((v) => !removedByTheirs(key(v)))
  for (const v of theirs) if (!inBase.has(key(v)) && !inOurs.has(key(v))) result.push(v)
  return result
}

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A list of strings or numbers, which merges as a set; lists of objects merge as one value. */
function isValueList(value: Json): value is Json[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')
}

export function equal(a: Json, b: Json): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => equal(v, b[i]))
  const ka = Object.keys(a as object)
  const kb = Object.keys(b as object)
  return (
    ka.length === kb.length &&
    ka.every((k) => equal((a as Record<string, Json>)[k], (b as Record<string, Json>)[k]))
  )
}
