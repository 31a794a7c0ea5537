import { z } from 'zod'
import type { GlossaryEntry } from '../../../common/learn/glossary'
import { DEFAULT_MAX_AGE_MONTHS } from '../../../common/learn/freshness'
import { KbError, bilingual } from '../errors'
import type { LibraryConfig } from '../library-config'

/*
 * The learn domain's keys in library.json. library.json keeps unknown keys (library-config.ts),
 * so these live beside the core settings without a format change:
 *   guides:    {[partnerTypeKey]: {intro}}     introductions of the partner-type guides
 *   freshness: {maxAgeMonths}                  when a case counts as stale
 *   glossary:  {term, reading?, definition}[]  absent = the defaults
 * Each reader tolerates a missing key; a key that is present but malformed is reported as
 * damaged rather than silently replaced, because writing would then lose what someone typed.
 */

export const MAX_INTRO_LENGTH = 4000

const guideSchema = z.looseObject({ intro: z.string().max(MAX_INTRO_LENGTH).optional() })
export const guidesSchema = z.record(z.string(), guideSchema)
export type Guides = z.infer<typeof guidesSchema>

export const freshnessSettingsSchema = z.looseObject({
  maxAgeMonths: z.number().int().min(1).max(600).default(DEFAULT_MAX_AGE_MONTHS),
})

export const glossaryEntrySchema = z.strictObject({
  term: z.string().trim().min(1).max(60),
  reading: z.string().trim().max(120).optional(),
  definition: z.string().trim().min(1).max(1000),
})
export const glossarySchema = z.array(glossaryEntrySchema).max(1000)

/** Parses one of the learn keys of library.json; absent → undefined, malformed → damaged. */
export function readSetting<S extends z.ZodType>(
  config: LibraryConfig,
  key: 'guides' | 'freshness' | 'glossary',
  schema: S,
): z.infer<S> | undefined {
  const value = (config as Record<string, unknown>)[key]
  if (value === undefined) return undefined
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    throw new KbError(
      'damaged',
      bilingual(
        `library.json の「${key}」が不正です: ${parsed.error.issues[0]?.message ?? ''}`,
        `library.json "${key}" is invalid`,
      ),
    )
  }
  return parsed.data
}

export function guidesOf(config: LibraryConfig): Guides {
  return readSetting(config, 'guides', guidesSchema) ?? {}
}

export function maxAgeMonthsOf(config: LibraryConfig): number {
  return (
    readSetting(config, 'freshness', freshnessSettingsSchema)?.maxAgeMonths ??
    DEFAULT_MAX_AGE_MONTHS
  )
}

export function storedGlossaryOf(config: LibraryConfig): GlossaryEntry[] | undefined {
  return readSetting(config, 'glossary', glossarySchema)
}
