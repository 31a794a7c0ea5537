import { describe, expect, it } from 'vitest'
import { mergeText } from '../../../main/core/sync/text-merge'

const base = ['## 背景', '一行目', '二行目', '三行目', '## 成果', '四行目', ''].join('\n')

describe('mergeText (three-way, by lines)', () => {
  it('merges edits of different lines from both sides', () => {
    const ours = base.replace('一行目', '一行目（本庁）')
    const theirs = base.replace('四行目', '四行目（区役所）')
    expect(mergeText(base, ours, theirs)).toEqual({
      clean: true,
      text: base.replace('一行目', '一行目（本庁）').replace('四行目', '四行目（区役所）'),
    })
  })

  it('merges insertions at different places and a deletion', () => {
    const ours = base.replace('二行目\n', '')
    const theirs = base.replace('## 成果\n', '## 成果\n追加の行\n')
    const result = mergeText(base, ours, theirs)
    expect(result).toEqual({ clean: true, text: ours.replace('## 成果\n', '## 成果\n追加の行\n') })
  })

  it('accepts the same change made on both sides', () => {
    const both = base.replace('三行目', '同じ変更')
    expect(mergeText(base, both, both)).toEqual({ clean: true, text: both })
  })

  it('is not clean when both sides change the same line differently, and writes no markers', () => {
    const result = mergeText(base, base.replace('二行目', 'A'), base.replace('二行目', 'B'))
    expect(result).toEqual({ clean: false })
  })

  it('is not clean when both sides insert different lines at the same place', () => {
    const result = mergeText(base, base + 'A の追記\n', base + 'B の追記\n')
    expect(result.clean).toBe(false)
  })
})
