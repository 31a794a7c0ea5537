import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gatherTips } from '../../../main/core/learn/tips'
import { bodySection } from '../../../main/core/learn/sections'
import { openLibrary, type Library } from '../../../main/core/library'
import { SAMPLE_DIR, copySample, makeTempFolder, removeFolder, sampleCaseIds } from './fixtures'

/** Sample cases whose case.md has a non-empty `## heading` section, read straight from disk. */
async function sampleCasesWithSection(heading: string): Promise<string[]> {
  const ids: string[] = []
  for (const id of await sampleCaseIds()) {
    const body = await readFile(join(SAMPLE_DIR, 'cases', id, 'case.md'), 'utf8')
    const match = new RegExp(`^## ${heading}\\s*\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, 'm').exec(
      body,
    )
    if (match && match[1]!.trim().length > 0) ids.push(id)
  }
  return ids
}

describe('gatherTips', () => {
  let parent: string
  let library: Library

  beforeAll(async () => {
    parent = await makeTempFolder()
    library = await openLibrary(await copySample(parent))
  })
  afterAll(() => removeFolder(parent))

  it('yields one 協働のコツ and one 苦労と教訓 for every sample case that has them, linked to the case', async () => {
    const tips = await gatherTips(library, {})
    const { cases } = await library.cases.list()
    const titles = new Map(cases.map((c) => [c.id, c.title]))
    for (const section of ['協働のコツ', '苦労と教訓'] as const) {
      const expected = await sampleCasesWithSection(section)
      expect(expected.length).toBeGreaterThan(0)
      const found = tips.filter((t) => t.section === section).map((t) => t.caseId)
      expect(found.sort()).toEqual(expected)
    }
    for (const tip of tips) {
      expect(tip.title).toBe(titles.get(tip.caseId))
      expect(tip.markdown).not.toMatch(/^##/m)
      expect(tip.markdown.length).toBeGreaterThan(0)
    }
  })

  it('gives the section text and its bullet items, without the next section', async () => {
    const tips = await gatherTips(library, {})
    const tip = tips.find(
      (t) => t.caseId === 'kodomo-shokudo-network' && t.section === '協働のコツ',
    )!
    expect(tip.markdown).toMatch(/^- \*\*最初の連絡会は市役所ではなく/)
    expect(tip.markdown).not.toContain('2020年のコロナ禍')
    expect(tip.items).toHaveLength(4)
    expect(tip.items[3]).toBe(
      '新規の相談は必ずネットワークに先に回し、市は制度の説明だけを担う。窓口を二重にしない。',
    )
    const hard = tips.find(
      (t) => t.caseId === 'kodomo-shokudo-network' && t.section === '苦労と教訓',
    )!
    expect(hard.markdown).toMatch(/^2020年のコロナ禍/)
    expect(hard.markdown).not.toContain('今後の展望')
    expect(hard.items).toEqual([])
  })

  it('limits to one partner type, newest 年度 first', async () => {
    const tips = await gatherTips(library, { partnerType: 'academia' })
    const { cases } = await library.cases.list()
    const academia = cases.filter((c) => c.partnerTypes.includes('academia')).map((c) => c.id)
    expect(new Set(tips.map((t) => t.caseId))).toEqual(new Set(academia))
    const years = tips.map((t) => cases.find((c) => c.id === t.caseId)!.fiscalYear!)
    expect(years).toEqual([...years].sort((a, b) => b - a))
    expect(await gatherTips(library, { partnerType: 'no-such-type' })).toEqual([])
  })

  it('skips damaged cases and cases whose sections are still empty', async () => {
    const dir = await copySample(parent, 'edited')
    await writeFile(join(dir, 'cases', 'kenko-point', 'case.json'), '{', 'utf8')
    await writeFile(
      join(dir, 'cases', 'wakamono-kaigi', 'case.md'),
      '## 背景・課題\n\n本文\n\n## 協働のコツ\n\n## 苦労と教訓\n\n```\n## 協働のコツ\n```\n',
      'utf8',
    )
    const edited = await openLibrary(dir)
    const tips = await gatherTips(edited, {})
    expect(tips.some((t) => t.caseId === 'kenko-point')).toBe(false)
    expect(tips.filter((t) => t.caseId === 'wakamono-kaigi')).toEqual([
      {
        caseId: 'wakamono-kaigi',
        title: expect.any(String),
        section: '苦労と教訓',
        markdown: '```\n## 協働のコツ\n```',
        items: [],
      },
    ])
  })
})

describe('bodySection', () => {
  it('ends a section at the next heading of the same level, keeping sub-headings', () => {
    const body = '## 協働のコツ\n\n### 始め方\n\n- 一つ目\n- 二つ目\n\n## 苦労と教訓\n\n失敗\n'
    expect(bodySection(body, '協働のコツ')).toEqual({
      markdown: '### 始め方\n\n- 一つ目\n- 二つ目',
      items: ['一つ目', '二つ目'],
    })
  })

  it('recognises a heading with trailing spaces or a colon, and joins a heading used twice', () => {
    const body = '## 協働のコツ：\n\n- A\n\n## その他\n\nx\n\n## 協働のコツ \n\n- B\n'
    expect(bodySection(body, '協働のコツ')).toEqual({ markdown: '- A\n\n- B', items: ['A', 'B'] })
  })

  it('returns undefined when the heading is absent or the section empty', () => {
    expect(bodySection('', '協働のコツ')).toBeUndefined()
    expect(bodySection('## 協働のコツ\n\n\n## 苦労と教訓\n', '協働のコツ')).toBeUndefined()
  })
})
