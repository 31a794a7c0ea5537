import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../../main/core/library'
import { createLibraryVocabulary } from '../../../main/core/suggest/library-vocabulary'
import { editDistance, suggestQuery } from '../../../main/core/suggest/nearest-words'
import { copySample, useTempFolders } from '../../helpers/temp-library'

const temp = useTempFolders()

describe('「もしかして」 from the library vocabulary', () => {
  it('counts adjacent swaps as one edit', () => {
    expect(editDistance('子ども食道', '子ども食堂')).toBe(1)
    expect(editDistance('ぼうさい', 'ぼさうい')).toBe(1)
    expect(editDistance('abc', 'xyz', 1)).toBeGreaterThan(1)
  })

  it('suggests 子ども食堂 for 子ども食道 and 防災 for 防菑 in the sample library', async () => {
    const library = await openLibrary(await copySample(await temp.make()))
    const vocabulary = await createLibraryVocabulary(() => library)()
    expect(suggestQuery('子ども食道', vocabulary)).toEqual({
      query: '子ども食堂',
      words: [{ from: '子ども食道', to: '子ども食堂' }],
    })
    expect(suggestQuery('防菑 訓練', vocabulary).query).toBe('防災 訓練')
  })

  it('leaves words the library contains, filters, phrases and exclusions alone', async () => {
    const library = await openLibrary(await copySample(await temp.make()))
    const vocabulary = await createLibraryVocabulary(() => library)()
    for (const query of [
      '防災',
      '食堂',
      'type:npo',
      '"防菑"',
      '-防菑',
      '防災 OR 子ども',
      '-防菑 防災',
    ])
      expect(suggestQuery(query, vocabulary).words, query).toEqual([])
  })

  it('reads again only the case that changed', async () => {
    const library = await openLibrary(await copySample(await temp.make()))
    const vocabulary = createLibraryVocabulary(() => library)
    await vocabulary()
    const { cases } = await library.cases.list()
    const doc = await library.cases.get(cases[0]!.id)
    const meta = Object.fromEntries(
      Object.entries(doc.meta).filter(
        ([key]) => !['schema', 'id', 'createdAt', 'updatedAt', 'revision'].includes(key),
      ),
    ) as Omit<typeof doc.meta, 'schema' | 'id' | 'createdAt' | 'updatedAt' | 'revision'>
    await library.cases.save({
      id: doc.meta.id,
      meta: { ...meta, tags: [...(meta.tags ?? []), 'ぬか床プロジェクト'] },
      body: doc.body,
      baseRevision: doc.meta.revision,
    })
    expect(suggestQuery('ぬか床プロジェクド', await vocabulary()).query).toBe('ぬか床プロジェクト')
  })
})
