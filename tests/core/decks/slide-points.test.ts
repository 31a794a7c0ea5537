import { describe, expect, it } from 'vitest'
import { phrasesOf, wrapPhrases } from '../../../common/decks/phrase-breaks'
import { POINT_MAX_WIDTH, textWidth } from '../../../main/core/decks/slide-layout'
import {
  pointsOfList,
  pointsToMarkdown,
  sectionPoints,
  toPoint,
} from '../../../main/core/decks/slide-points'

describe('sectionPoints', () => {
  it('prefers the section’s own list items, summarised by their bold lead-in', () => {
    const points = sectionPoints(
      [
        '- **物件の交渉は、市ではなく商店街の人に任せる。** オーナーは行政の担当者より、長年の顔なじみの話を聞きます。',
        '- **協定書には「大学の関与が終わるとき」の取扱いを書いておく。** ゼミの担当教員が異動すると続きません。',
        '- 補助金の実績報告は、学生に任せず市と組合が作る。学生に書類負担をかけると運営が回りません。',
      ].join('\n'),
    )
    expect(points).toEqual([
      '物件の交渉は、市ではなく商店街の人に任せる',
      '協定書には「大学の関与が終わるとき」の取扱いを書いておく',
      '補助金の実績報告は、学生に任せず市と組合が作る',
    ])
  })

  it('takes at most five: first sentences of paragraphs and sentences with figures, in document order', () => {
    const markdown = [
      '最初の段落の一文目です。二文目は補足です。三文目で参加者は120人に増えました。',
      '二つ目の段落です。ここは補足だけです。',
      '三つ目の段落です。',
      '四つ目の段落です。',
      '五つ目の段落です。',
      '六つ目の段落です。',
    ].join('\n\n')
    const points = sectionPoints(markdown)
    expect(points).toHaveLength(5)
    expect(points[0]).toBe('最初の段落の一文目です')
    expect(points).toContain('三文目で参加者は120人に増えました')
    expect(points).not.toContain('二文目は補足です')
    // document order kept
    expect(points.indexOf('三文目で参加者は120人に増えました')).toBe(1)
    // 詳細: every sentence, to be continued on more slides
    expect(sectionPoints(markdown, true).length).toBeGreaterThan(5)
  })

  it('skips a sentence that only introduces a list, and photos’ alt text', () => {
    const points = sectionPoints(
      '運営上の工夫として、次のことを続けました。\n\n![店の写真](attachments/a.png)\n\n- 朝会を毎月開く\n- 引継ぎ書を毎年作る',
    )
    expect(points).toEqual(['朝会を毎月開く', '引継ぎ書を毎年作る'])
  })

  it('trims a long sentence at a natural break, never inside a phrase', () => {
    const long =
      '駅前中央商店街は、かつて60店舗以上が並ぶ市内最大の商店街でしたが、郊外の大型店の出店と店主の高齢化により、2016年時点で空き店舗率が28%に達していました。'
    const point = toPoint(long)
    expect(point.endsWith('…')).toBe(true)
    expect(textWidth(point)).toBeLessThanOrEqual(POINT_MAX_WIDTH)
    const kept = point.slice(0, -1)
    expect(long.startsWith(kept)).toBe(true)
    // the cut is a phrase boundary
    let at = 0
    const ends = new Set(phrasesOf(long).map((p) => (at += p.length)))
    expect(ends.has(kept.length) || long.charAt(kept.length) === '、').toBe(true)
  })

  it('reads a trainer’s list back as points and writes points as that list', () => {
    expect(pointsOfList('- 一つ目\n- **二つ目**\n\n三つ目の行\n四つ目の行')).toEqual([
      '一つ目',
      '二つ目',
      '三つ目の行',
      '四つ目の行',
    ])
    expect(pointsToMarkdown(['a', 'b'])).toBe('- a\n- b')
  })
})

describe('wrapPhrases', () => {
  it('breaks only between phrases and gives the text back whole', () => {
    const title = '学生との協働 ― 5つの事例に学ぶ'
    for (const perLine of [6, 8, 10, 12]) {
      const lines = wrapPhrases(title, perLine)
      expect(lines.join('')).toBe(title)
      for (const line of lines) expect(line.startsWith('働')).toBe(false)
    }
  })
})
