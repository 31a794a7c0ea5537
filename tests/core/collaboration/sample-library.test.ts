import { describe, expect, it } from 'vitest'
import { COLLABORATION_ELEMENTS } from '../../../common/model'
import {
  averagesByPartnerType,
  bestExamples,
  isFullCollaboration,
  isNominal,
  notesByElement,
} from '../../../common/learn/collaboration'
import { bodySection, nominalLessons, PathStore, resolvePath } from '../../../main/core/learn'
import { openLibrary } from '../../../main/core/library'
import { copySample, useTempFolders } from '../../helpers/temp-library'

const temp = useTempFolders()
const sample = async () => openLibrary(await copySample(await temp.make()))

describe('the sample library, read through 協働の4要素', () => {
  it('gives every case an honest check: all four elements scored with a note, and not all high', async () => {
    const { cases } = await (await sample()).cases.list()
    for (const meta of cases) {
      for (const element of COLLABORATION_ELEMENTS) {
        expect(meta.collaboration?.[element]?.score, `${meta.id} ${element}`).toBeGreaterThan(0)
        expect(meta.collaboration?.[element]?.note, `${meta.id} ${element}`).toBeTruthy()
      }
    }
    const scores = cases.flatMap((c) =>
      COLLABORATION_ELEMENTS.map((e) => c.collaboration![e]!.score),
    )
    expect(new Set(scores)).toEqual(new Set([2, 3, 4, 5]))
    expect(cases.filter((c) => !isFullCollaboration(c.collaboration)).length).toBeGreaterThan(8)
    expect(cases.filter((c) => isNominal(c.collaboration)).length).toBeGreaterThanOrEqual(2)
  })

  it('has at least two cases that began as name-only partnerships and says what changed', async () => {
    const library = await sample()
    const { cases } = await library.cases.list()
    const began = cases.filter((c) => c.collaboration?.note?.includes('名'))
    const told: string[] = []
    for (const meta of began) {
      const lesson = bodySection((await library.cases.get(meta.id)).body, '苦労と教訓')
      if (lesson?.markdown.includes('名ばかり') && lesson.markdown.includes('変わったのは'))
        told.push(meta.id)
    }
    expect(told.sort()).toEqual(['hokatsu-renkei-kyotei', 'kosodate-fes-koen'])
  })

  it('names a best example with a note for every element, preferring cases strong on all four', async () => {
    const { cases } = await (await sample()).cases.list()
    const best = bestExamples(cases)
    for (const element of COLLABORATION_ELEMENTS) {
      const example = best[element]!
      expect(example.score).toBe(5)
      expect(example.note.length).toBeGreaterThan(10)
      const meta = cases.find((c) => c.id === example.caseId)!
      expect(isFullCollaboration(meta.collaboration)).toBe(true)
    }
    const notes = notesByElement(cases)
    expect(notes.goal).toHaveLength(cases.length)
    expect(notes.goal.map((n) => n.score)).toEqual(
      [...notes.goal.map((n) => n.score)].sort((a, b) => b - a),
    )
  })

  it('averages each element per partner type over the checked cases only', async () => {
    const library = await sample()
    const { cases } = await library.cases.list()
    const rows = averagesByPartnerType(cases, [
      ...library.config.partnerTypes.map((p) => p.key),
      'nobody',
    ])
    expect(rows.map((r) => r.key)).not.toContain('nobody')
    const community = rows.find((r) => r.key === 'community')!
    const mine = cases.filter((c) => c.partnerTypes.includes('community'))
    const mean = mine.reduce((sum, c) => sum + c.collaboration!.ownership!.score, 0) / mine.length
    expect(community.count).toBe(mine.length)
    expect(community.averages.ownership).toBeCloseTo(mean, 1)
  })

  it('learn.nominal lists the low-ownership or low-goal cases with what their 苦労と教訓 says', async () => {
    const lessons = await nominalLessons(await sample())
    expect(lessons.map((l) => l.caseId).sort()).toEqual([
      'hotaru-matsuri-jikkoiinkai',
      'machinaka-salon',
      'shimin-teian-jigyo',
    ])
    const hotaru = lessons.find((l) => l.caseId === 'hotaru-matsuri-jikkoiinkai')!
    expect(hotaru.low).toEqual(['ownership'])
    expect(hotaru.lesson?.markdown).toContain('下請け')
    expect(lessons.find((l) => l.caseId === 'machinaka-salon')!.low).toEqual(['goal', 'action'])
  })

  it('ships the reading path 「協働の4要素で読む」 and every step names an existing case', async () => {
    const library = await sample()
    const path = await new PathStore(library.root).get('kyodo-4yoso')
    expect(path.title).toBe('協働の4要素で読む')
    const resolved = await resolvePath(library, path)
    expect(resolved.missingCount).toBe(0)
    expect(resolved.steps.every((s) => s.note && !s.damaged)).toBe(true)
  })
})
