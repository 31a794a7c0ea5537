import { describe, expect, it } from 'vitest'
import { themesOf } from '../../../common/learn/themes'
import type { Tip } from '../../../common/model'
import { partnerGuide } from '../../../main/core/learn/partner-guide'
import { openLibrary } from '../../../main/core/library'
import { SAMPLE_DIR } from '../../helpers/temp-library'

const tip = (caseId: string, markdown: string, section: Tip['section'] = '協働のコツ'): Tip => ({
  caseId,
  title: `事例${caseId}`,
  section,
  markdown,
  items: [],
})

describe('common themes of tips', () => {
  it('finds words that recur across cases, counting each case once, with its sentence', () => {
    const themes = themesOf([
      tip('a', '- 最初に役割分担を文書にする。\n- 役割分担は毎年見直す。'),
      tip('b', '引き継ぎのとき役割分担の表を渡した。事務局は市が持った。'),
      tip('c', '事務局を団体に移すまで3年かけた。', '苦労と教訓'),
      tip('d', '協働の事業は地域で。'),
    ])
    expect(themes.map((t) => [t.phrase, t.cases.map((c) => c.caseId)])).toEqual([
      ['役割分担', ['a', 'b']],
      ['事務局', ['b', 'c']],
    ])
    expect(themes[0]!.cases[0]!.sentence).toBe('最初に役割分担を文書にする。')
  })

  it('leaves out general words and words found in one case only', () => {
    expect(themesOf([tip('a', '協働の事業。事務局。'), tip('b', '協働の事業。')])).toEqual([])
  })

  it('gives every partner-type guide of the sample library its themes', async () => {
    const library = await openLibrary(SAMPLE_DIR)
    for (const type of library.config.partnerTypes) {
      const guide = await partnerGuide(library, type.key)
      expect(guide.themes.length, type.key).toBeGreaterThan(0)
      for (const theme of guide.themes) {
        expect(theme.cases.length).toBeGreaterThanOrEqual(2)
        for (const c of theme.cases) expect(c.sentence).toContain(theme.phrase)
      }
      expect(guide.intro.length, `${type.key} intro`).toBeGreaterThan(50)
    }
  })
})
