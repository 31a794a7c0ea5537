import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findGlossaryTerms, glossaryEntriesIn } from '../../../common/learn/glossary'
import {
  DEFAULT_GLOSSARY,
  getGlossary,
  resetGlossary,
  setGlossary,
} from '../../../main/core/learn/glossary'
import { openLibrary } from '../../../main/core/library'
import { copySample, expectKbError, useTempFolders } from './fixtures'

const temp = useTempFolders()
const entry = (term: string) => ({ term, definition: `${term}の説明` })

describe('glossary in library.json', () => {
  it('starts with the defaults: the forms of collaboration and the core terms, each defined', async () => {
    const library = await openLibrary(await copySample(await temp.make()))
    const glossary = getGlossary(library)
    expect(glossary).toEqual(DEFAULT_GLOSSARY)
    const terms = glossary.map((e) => e.term)
    for (const term of [
      '協働',
      '共催',
      '後援',
      '補助',
      '委託',
      '事業協力・協定',
      '実行委員会',
      '協議会',
      '提案制度',
      '指定管理',
      '包括連携協定',
      '中間支援組織',
    ])
      expect(terms).toContain(term)
    expect(new Set(terms).size).toBe(terms.length)
    for (const e of glossary) {
      expect(e.definition.length).toBeGreaterThan(20)
      expect(e.definition).toMatch(/。$/)
      expect(e.reading).toMatch(/^[\p{Script=Hiragana}ー・]+$/u)
    }
  })

  it('saves an edited glossary without losing other keys, and resets to the defaults', async () => {
    const library = await openLibrary(await copySample(await temp.make()))
    const file = join(library.root, 'library.json')
    const before = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
    await writeFile(file, JSON.stringify({ ...before, guides: { npo: { intro: 'x' } } }))
    const saved = await setGlossary(library, [
      { term: ' 協働 ', reading: 'きょうどう', definition: '一緒に取り組むこと。' },
      { term: '伴走支援', reading: '', definition: '寄り添って支えること。' },
    ])
    expect(saved).toEqual([
      { term: '協働', reading: 'きょうどう', definition: '一緒に取り組むこと。' },
      { term: '伴走支援', definition: '寄り添って支えること。' },
    ])
    const after = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
    expect(after.glossary).toEqual(saved)
    expect(after.guides).toEqual({ npo: { intro: 'x' } })
    expect(after.synonyms).toEqual(before.synonyms)
    expect(getGlossary(await openLibrary(library.root))).toEqual(saved)

    await setGlossary(library, [])
    expect(getGlossary(library)).toEqual([])
    expect(await resetGlossary(library)).toEqual(DEFAULT_GLOSSARY)
    const reset = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
    expect(reset).not.toHaveProperty('glossary')
    expect(reset.guides).toEqual({ npo: { intro: 'x' } })
  })

  it('refuses duplicates and empty terms or definitions', async () => {
    const library = await openLibrary(await copySample(await temp.make()))
    await expectKbError(setGlossary(library, [entry('協働'), entry('協働')]), 'invalid')
    await expectKbError(setGlossary(library, [{ term: '', definition: 'x' }]), 'invalid')
    await expectKbError(setGlossary(library, [{ term: 'x', definition: ' ' }]), 'invalid')
    expect(getGlossary(library)).toEqual(DEFAULT_GLOSSARY)
  })

  it('reports a malformed glossary in library.json as damaged instead of replacing it', async () => {
    const dir = await copySample(await temp.make())
    const file = join(dir, 'library.json')
    const config = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
    await writeFile(file, JSON.stringify({ ...config, glossary: 'oops' }))
    const library = await openLibrary(dir)
    expect(() => getGlossary(library)).toThrow(/glossary/)
  })
})

describe('findGlossaryTerms', () => {
  const glossary = [
    entry('協働'),
    entry('実行委員会'),
    entry('協議会'),
    entry('提案制度'),
    entry('指定管理'),
    entry('管理者'),
    entry('委員'),
  ]

  it('finds every term with its position, in text order', () => {
    const text = '協働の形態：実行委員会・協議会'
    const found = findGlossaryTerms(text, glossary)
    expect(found.map((m) => [m.term, m.start, m.end])).toEqual([
      ['協働', 0, 2],
      ['実行委員会', 6, 11],
      ['協議会', 12, 15],
    ])
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.term)
    expect(found[0]!.entry).toBe(glossary[0])
  })

  it('prefers the longest term where terms overlap, never returning overlaps', () => {
    // 委員 lies inside 実行委員会; 指定管理 and 管理者 overlap in 指定管理者.
    const found = findGlossaryTerms('実行委員会と指定管理者、委員', glossary)
    expect(found.map((m) => m.term)).toEqual(['実行委員会', '指定管理', '委員'])
    const spans = found.map((m) => [m.start, m.end] as const)
    for (let i = 1; i < spans.length; i++)
      expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1])
  })

  it('finds every occurrence, and nothing in a text without terms or with an empty glossary', () => {
    expect(findGlossaryTerms('協働と協働', glossary).map((m) => m.start)).toEqual([0, 3])
    expect(findGlossaryTerms('協働事業提案制度', glossary).map((m) => m.term)).toEqual([
      '協働',
      '提案制度',
    ])
    expect(findGlossaryTerms('まちづくり', glossary)).toEqual([])
    expect(findGlossaryTerms('協働', [])).toEqual([])
    expect(findGlossaryTerms('', glossary)).toEqual([])
    expect(findGlossaryTerms('abc', [{ term: '', definition: 'x' }])).toEqual([])
  })

  it('finds the default terms in sample metadata, and lists each entry once', () => {
    const text = '協働の形態：事業協力・協定、委託／担当：市民協働推進課'
    expect(findGlossaryTerms(text, [...DEFAULT_GLOSSARY]).map((m) => m.term)).toEqual([
      '協働',
      '事業協力・協定',
      '委託',
      '協働',
    ])
    expect(glossaryEntriesIn(text, [...DEFAULT_GLOSSARY]).map((e) => e.term)).toEqual([
      '協働',
      '事業協力・協定',
      '委託',
    ])
  })
})
