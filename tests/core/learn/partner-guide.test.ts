import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { partnerGuide, setGuideIntro } from '../../../main/core/learn/partner-guide'
import { openLibrary } from '../../../main/core/library'
import { copySample, expectKbError, useTempFolders } from './fixtures'

const temp = useTempFolders()

async function sampleLibrary() {
  return openLibrary(await copySample(await temp.make()))
}

describe('partnerGuide', () => {
  it('lists the cases of the type, its top forms and tags and its tips', async () => {
    const library = await sampleLibrary()
    const guide = await partnerGuide(library, 'academia')
    const { cases } = await library.cases.list()
    const academia = cases.filter((c) => c.partnerTypes.includes('academia'))
    expect(guide.key).toBe('academia')
    expect(guide.partnerType?.ja).toBe('大学・学生')
    // The sample library ships an introduction for every partner type.
    expect(guide.intro).toMatch(/^大学・高校の教員と学生/)
    expect(guide.cases.map((c) => c.id).sort()).toEqual(academia.map((c) => c.id).sort())
    expect(guide.cases[0]).toEqual({
      id: 'wakamono-kaigi',
      title: expect.any(String),
      fiscalYear: 2025,
    })
    expect(guide.topForms.length).toBeLessThanOrEqual(5)
    expect(guide.topTags.length).toBe(5)
    const formCount = (form: string) =>
      academia.filter((c) => c.forms?.includes(form as never)).length
    for (const { form, count } of guide.topForms) expect(count).toBe(formCount(form))
    const counts = guide.topForms.map((f) => f.count)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    const tagCount = (tag: string) => academia.filter((c) => c.tags?.includes(tag)).length
    for (const { tag, count } of guide.topTags) expect(count).toBe(tagCount(tag))
    const allTags = new Set(academia.flatMap((c) => c.tags ?? []))
    const fifth = guide.topTags[4]!.count
    for (const tag of allTags)
      if (!guide.topTags.some((t) => t.tag === tag))
        expect(tagCount(tag)).toBeLessThanOrEqual(fifth)
    expect(guide.topTags[0]!.tag).toBe('大学連携')
    expect(new Set(guide.tips.map((t) => t.caseId))).toEqual(new Set(academia.map((c) => c.id)))
  })

  it('refuses a key that is neither configured nor used by any case', async () => {
    const library = await sampleLibrary()
    await expectKbError(partnerGuide(library, 'nobody'), 'not_found')
  })
})

describe('setGuideIntro', () => {
  it('round-trips the introduction through library.json without losing other keys', async () => {
    const library = await sampleLibrary()
    const file = join(library.root, 'library.json')
    const before = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
    // Keys this version does not know, written by another tool or a later version.
    await writeFile(
      file,
      JSON.stringify({
        ...before,
        savedSearches: [{ name: '防災', query: 'tag:防災' }],
        guides: { npo: { intro: 'NPOとは', extra: 1 } },
      }),
    )
    const intro = '大学との協働は**年度の学事暦**に合わせて計画します。\n\n- 窓口は地域連携センター'
    await setGuideIntro(library, 'academia', intro)

    const after = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
    expect(after.savedSearches).toEqual([{ name: '防災', query: 'tag:防災' }])
    expect(after.partnerTypes).toEqual(before.partnerTypes)
    expect(after.synonyms).toEqual(before.synonyms)
    expect(after.guides).toEqual({ npo: { intro: 'NPOとは', extra: 1 }, academia: { intro } })

    expect((await partnerGuide(library, 'academia')).intro).toBe(intro)
    const reopened = await openLibrary(library.root)
    expect((await partnerGuide(reopened, 'academia')).intro).toBe(intro)
    expect((await partnerGuide(reopened, 'npo')).intro).toBe('NPOとは')
  })

  it('removes the introduction when it is emptied, keeping the guide entry’s other fields', async () => {
    const library = await sampleLibrary()
    await setGuideIntro(library, 'npo', 'はじめに')
    await setGuideIntro(library, 'academia', 'だいがく')
    await setGuideIntro(library, 'npo', '   ')
    const config = JSON.parse(await readFile(join(library.root, 'library.json'), 'utf8')) as {
      guides: unknown
    }
    const guides = config.guides as Record<string, { intro?: string }>
    expect(guides.academia).toEqual({ intro: 'だいがく' })
    expect('npo' in guides).toBe(false)
    expect(guides.community?.intro).toMatch(/自治会/)
    expect((await partnerGuide(library, 'npo')).intro).toBe('')
  })

  it('refuses an unconfigured partner type and an over-long introduction, writing nothing', async () => {
    const library = await sampleLibrary()
    const file = join(library.root, 'library.json')
    const before = await readFile(file, 'utf8')
    await expectKbError(setGuideIntro(library, 'nobody', 'x'), 'not_found')
    await expectKbError(setGuideIntro(library, 'npo', 'あ'.repeat(4001)), 'invalid')
    expect(await readFile(file, 'utf8')).toBe(before)
  })
})
