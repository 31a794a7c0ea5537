import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CaseDoc } from '../../../common/model'
import { writeDocumentsIndex } from '../../../main/core/search/index-build'
import { readIndexFile } from '../../../main/core/search/index-file'
import { SearchEngine } from '../../../main/core/search/search-engine'
import { toSearchDocument } from '../../../main/core/search/search-document'
import { useTempFolders } from '../../helpers/temp-library'
import { DEFAULT_SYNONYMS, caseDoc, longFiller, withoutTiming } from './case-factory'

const temp = useTempFolders()
const options = { synonyms: DEFAULT_SYNONYMS }

const DOCS: CaseDoc[] = [
  caseDoc(
    'bosai',
    {
      title: '自主防災組織と避難所運営訓練',
      tags: ['防災'],
      fiscalYear: 2023,
      summary: '共催の訓練。',
    },
    `## 背景\n\n${longFiller(1)}\n\n防災訓練には住民120人が参加しました。`,
  ),
  caseDoc(
    'kodomo',
    { title: '子ども食堂ネットワーク', tags: ['子育て'], partnerTypes: ['npo'], fiscalYear: 2019 },
    `${longFiller(2)}\nＮＰＯ法人と子供の居場所づくり。ｶﾞｲﾄﾞブック🌸を作成。`,
  ),
  caseDoc(
    'kankyo',
    { title: '河川清掃', tags: ['環境'], status: 'draft' },
    '清掃活動に町内会が参加。',
  ),
  caseDoc('empty', { title: '本文なし' }, ''),
]

const QUERIES = [
  '防災',
  '訓練 -清掃',
  '子供',
  'type:npo',
  'がいど',
  '森',
  '"防災訓練"',
  '🌸',
  '',
  'こども OR 清掃',
]

async function writeAndRead(docs: CaseDoc[]) {
  const dir = await temp.make()
  const file = join(dir, 'index-1.kbi')
  await writeDocumentsIndex(file, '/lib', docs.map(toSearchDocument), { bosai: 'sig' })
  const loaded = await readIndexFile(file, '/lib')
  return { file, loaded }
}

describe('index file', () => {
  it('answers every query exactly like the engine it was written from, snippets included', async () => {
    const { loaded } = await writeAndRead(DOCS)
    expect(loaded).not.toBeNull()
    expect(loaded!.signatures).toEqual({ bosai: 'sig' })
    const engine = SearchEngine.fromIndexFile(loaded!, options)
    const built = SearchEngine.build(DOCS, options)
    for (const q of QUERIES)
      expect(withoutTiming(engine.query(q)), q).toEqual(withoutTiming(built.query(q)))
    engine.close()
  })

  it('keeps answering like a fresh build after saves, replacements and deletions on top of it', async () => {
    const { loaded } = await writeAndRead(DOCS)
    const engine = SearchEngine.fromIndexFile(loaded!, options)
    const changed = caseDoc(
      'bosai',
      { title: '防災マップ作り', updatedAt: '2025-01-01T00:00:00.000Z' },
      '里山の保全と防災',
    )
    const added = caseDoc('satoyama', { title: '里山の会' }, '防災と里山')
    engine.upsert(changed)
    engine.upsert(added)
    engine.remove('kankyo')
    const fresh = SearchEngine.build([changed, DOCS[1]!, DOCS[3]!, added], options)
    for (const q of [...QUERIES, '里山', '運営訓練']) {
      const a = withoutTiming(engine.query(q, { sort: 'updated' }))
      const b = withoutTiming(fresh.query(q, { sort: 'updated' }))
      expect(a.ids, q).toEqual(b.ids)
      // Scores may differ slightly: replaced cases stay in the file's postings until a rebuild,
      // and idf counts candidates. What is found, in what order, and what is shown must not.
      const shown = (r: typeof a) => r.hits.map(({ score: _, ...rest }) => rest)
      expect(shown(a), q).toEqual(shown(b))
      expect(a.facets, q).toEqual(b.facets)
    }
    engine.close()
  })

  it('writes and reads an empty library (zero-length sections at the end of the file)', async () => {
    const { loaded } = await writeAndRead([])
    expect(loaded).not.toBeNull()
    const engine = SearchEngine.fromIndexFile(loaded!, options)
    expect(engine.query('').total).toBe(0)
    engine.upsert(DOCS[0]!)
    expect(engine.query('防災').ids).toEqual(['bosai'])
    engine.close()
  })

  it('is refused (null) when damaged, cut short, of another library or missing', async () => {
    const { file } = await writeAndRead(DOCS)
    expect(await readIndexFile(file, '/another')).toBeNull()
    expect(await readIndexFile(`${file}.missing`, '/lib')).toBeNull()
    const bytes = await readFile(file)
    await writeFile(file, bytes.subarray(0, bytes.length - 10))
    expect(await readIndexFile(file, '/lib')).toBeNull()
    const garbled = Buffer.from(bytes)
    garbled.write('XXXX', 0, 'latin1')
    await writeFile(file, garbled)
    expect(await readIndexFile(file, '/lib')).toBeNull()
  })
})
