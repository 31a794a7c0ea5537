import type { PartnerGuide } from '../../../common/model'
import { KbError, bilingual } from '../errors'
import type { Library } from '../library'
import { MAX_INTRO_LENGTH, guidesOf, type Guides } from './learn-settings'
import { selectCases, tipsOf } from './tips'
import { themesOf } from '../../../common/learn/themes'

export type { PartnerGuide }

const TOP = 5

/**
 * The guide page of one partner type. A key that is not configured but still named by cases
 * (a type removed from the settings) gets a guide too, so those cases stay reachable; a key
 * that is neither is not found.
 */
export async function partnerGuide(library: Library, key: string): Promise<PartnerGuide> {
  const partnerType = library.config.partnerTypes.find((t) => t.key === key)
  const { cases: all } = await library.cases.list()
  const cases = selectCases(all, key)
  if (!partnerType && cases.length === 0) throw unknownType(key)
  const forms = new Map<string, number>()
  const tags = new Map<string, number>()
  for (const meta of cases) {
    for (const form of new Set(meta.forms ?? [])) forms.set(form, (forms.get(form) ?? 0) + 1)
    for (const tag of new Set(meta.tags ?? [])) tags.set(tag, (tags.get(tag) ?? 0) + 1)
  }
  const tips = await tipsOf(library, cases)
  return {
    key,
    ...(partnerType ? { partnerType } : {}),
    intro: guideOf(guidesOf(library.config), key)?.intro ?? '',
    cases: cases.map((meta) => ({
      id: meta.id,
      title: meta.title,
      ...(meta.fiscalYear !== undefined ? { fiscalYear: meta.fiscalYear } : {}),
    })),
    topForms: top(forms).map(([form, count]) => ({ form, count })),
    topTags: top(tags).map(([tag, count]) => ({ tag, count })),
    tips,
    themes: themesOf(tips),
  }
}

/**
 * Sets the introduction of a configured partner type in library.json `guides`, through the
 * locked read-modify-write of library.json, so every other key (and other guides' fields) is
 * kept. An empty introduction removes the entry's intro.
 */
export async function setGuideIntro(library: Library, key: string, intro: string): Promise<void> {
  if (typeof intro !== 'string' || intro.length > MAX_INTRO_LENGTH) {
    throw new KbError(
      'invalid',
      bilingual(
        `紹介文は${MAX_INTRO_LENGTH}文字以内で入力してください`,
        `The introduction must be at most ${MAX_INTRO_LENGTH} characters`,
      ),
    )
  }
  await library.settings.update((config) => {
    if (!config.partnerTypes.some((t) => t.key === key)) throw unknownType(key)
    const guides = guidesOf(config)
    const entry: Guides[string] = { ...guideOf(guides, key) }
    if (intro.trim().length > 0) entry.intro = intro
    else delete entry.intro
    const next = { ...guides }
    if (Object.keys(entry).length > 0) next[key] = entry
    else delete next[key]
    return { ...config, guides: next }
  })
}

// Own keys only: a record parsed from JSON must not answer for "constructor".
function guideOf(guides: Guides, key: string): Guides[string] | undefined {
  return Object.hasOwn(guides, key) ? guides[key] : undefined
}

function top(counts: Map<string, number>): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'ja')).slice(0, TOP)
}

function unknownType(key: string): KbError {
  return new KbError(
    'not_found',
    bilingual(`協働相手の種別がありません: ${key}`, `No such partner type: ${key}`),
  )
}
