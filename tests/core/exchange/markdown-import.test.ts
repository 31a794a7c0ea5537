import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCheck } from '../../../main/cli/commands/check'
import { listBackups } from '../../../main/core/backup/backups'
import { planImport, runImport } from '../../../main/core/exchange/markdown-import'
import { splitFrontMatter } from '../../../main/core/exchange/front-matter'
import { mapFrontMatter } from '../../../main/core/exchange/front-matter-mapping'
import { DEFAULT_PARTNER_TYPES } from '../../../main/core/library-config'
import { newLibrary, useTempFolders } from '../../helpers/temp-library'
import { JPG, PDF, PNG, writeVault } from './vault-fixture'

const temp = useTempFolders()

async function setUp() {
  const { parent, dir, library } = await newLibrary(temp)
  const vault = join(parent, 'vault')
  await writeVault(vault)
  await writeFile(join(parent, 'outside.png'), 'secret')
  return { parent, dir, library, vault }
}

const quiet = { stdout: () => undefined, stderr: () => undefined }

describe('front matter', () => {
  it('splits YAML front matter from the body and keeps dates as text', () => {
    const result = splitFrontMatter('\uFEFF---\ntitle: 題\ndate: 2024-04-01\n---\n\n本文\n')
    expect(result).toEqual({ ok: true, data: { title: '題', date: '2024-04-01' }, body: '本文\n' })
  })

  it('refuses unclosed, unparseable and non-mapping front matter with a reason', () => {
    expect(splitFrontMatter('---\ntitle: x\n本文').ok).toBe(false)
    expect(splitFrontMatter('---\ntitle: [x\n---\n').ok).toBe(false)
    expect(splitFrontMatter('---\n- a\n- b\n---\n').ok).toBe(false)
    expect(splitFrontMatter('本文だけ').ok).toBe(true)
  })

  it('maps many shapes onto format v1 and keeps what does not fit under extra', () => {
    const mapped = mapFrontMatter(
      {
        title: '題',
        tags: '#防災 #地域',
        partner_type: ['大学', 'unknown-kind'],
        status: 'archived',
        period: { start: '2019-4', end: '2018-01' },
        年度: '2019年度',
        outcomes: [{ label: '参加者', value: 120, unit: '人' }],
        sources: [{ title: 'x', url: 'not a url' }],
        color: 'blue',
      },
      { partnerTypes: DEFAULT_PARTNER_TYPES, fallbackTitle: 'file' },
    )
    expect(mapped.meta).toMatchObject({
      title: '題',
      tags: ['防災', '地域'],
      partnerTypes: ['academia'],
      status: 'archived',
      fiscalYear: 2019,
      outcomes: [{ label: '参加者', value: 120, unit: '人' }],
    })
    expect(mapped.meta.period).toBeUndefined()
    expect(mapped.extra).toMatchObject({
      color: 'blue',
      sources: [{ title: 'x', url: 'not a url' }],
      partnerTypes: ['大学', 'unknown-kind'],
    })
    expect(mapped.extra.period).toBeDefined()
    expect(mapped.warnings.length).toBeGreaterThan(0)
  })
})

describe('import of a Markdown vault', () => {
  it('plans without writing: cases found, broken front matter reported per file, tool folders skipped', async () => {
    const { dir, library, vault } = await setUp()
    const before = await readdir(dir, { recursive: true })
    const plan = await planImport(library, [vault])
    expect(await readdir(dir, { recursive: true })).toEqual(before)
    expect(plan.items.map((i) => i.title).sort()).toEqual(
      ['こども食堂ネットワークの立ち上げ', '外を指すノート', '自然観察会', '防災訓練'].sort(),
    )
    expect(plan.failed).toHaveLength(1)
    expect(plan.failed[0]!.source).toMatch(/壊れたメモ\.md$/)
    expect(plan.failed[0]!.reason).toMatch(/YAML/)
    expect(plan.items.find((i) => i.title === '自然観察会')!.id).toBe('nature-walk')
  })

  it('imports every valid note with metadata, extra keys, attachments and resolved wikilinks', async () => {
    const { library, vault } = await setUp()
    const plan = await planImport(library, [vault])
    const progress: [number, number][] = []
    const summary = await runImport(library, plan, { onDuplicate: 'skip' }, (d, t) =>
      progress.push([d, t]),
    )
    expect(summary.imported).toHaveLength(4)
    expect(summary.failed.map((f) => f.source)).toEqual([plan.failed[0]!.source])
    expect(progress.at(-1)).toEqual([4, 4])

    const idOf = (title: string) => summary.imported.find((i) => i.title === title)!.id
    const kodomo = await library.cases.get(idOf('こども食堂ネットワークの立ち上げ'))
    expect(kodomo.meta).toMatchObject({
      title: 'こども食堂ネットワークの立ち上げ',
      tags: ['子ども', '食支援', '居場所'],
      partnerTypes: ['npo', 'community'],
      department: 'こども政策課',
      area: '東部地区',
      status: 'published',
      period: { start: '2021-04', end: '2023-03' },
      fiscalYear: 2021,
      forms: ['補助', '情報交換'],
      createdAt: '2022-05-09T15:00:00.000Z',
      revision: 1,
    })
    expect((kodomo.meta as unknown as { extra: unknown }).extra).toMatchObject({
      budget: 120000,
      担当者: '山田',
      aliases: ['こども食堂'],
      forms: ['補助', '情報交換', '勉強会'],
    })
    const bousaiId = idOf('防災訓練')
    expect(kodomo.body).not.toMatch(/^# こども食堂/m)
    expect(kodomo.body).toContain('![食堂の様子.png](attachments/食堂の様子.png)')
    expect(kodomo.body).toContain(`[地域の防災訓練](#/case/${bousaiId})`)
    expect(kodomo.body).toContain('は未作成')
    expect(kodomo.body).toContain('存在しないノート は未作成')
    expect(kodomo.body).toContain('[[コードの中のリンク]] ![[食堂の様子.png]]')
    const kodomoFolder = library.cases.folderOf(kodomo.meta.id)
    expect(await readFile(join(kodomoFolder, 'attachments', '食堂の様子.png'))).toEqual(PNG)

    const bousai = await library.cases.get(bousaiId)
    expect(bousai.meta).toMatchObject({
      tags: ['防災', '地域', '避難所'],
      partnerTypes: ['community'],
      period: { start: '2019-04', end: '2020-03-31' },
      summary: '自主防災組織と避難所運営訓練を行った。',
      initiatedBy: 'joint',
      status: 'draft',
    })
    expect(bousai.body).toContain('![訓練の写真](attachments/訓練_写真.jpg "当日")')
    expect(bousai.body).toContain('[報告書](attachments/report.pdf)')
    expect(bousai.body).toContain(`[こども食堂](#/case/${kodomo.meta.id})`)
    expect(bousai.body).toContain('[市のページ](https://www.city.example.jp/bousai)')
    const bousaiFolder = library.cases.folderOf(bousaiId)
    expect(await readFile(join(bousaiFolder, 'attachments', '訓練_写真.jpg'))).toEqual(JPG)
    expect(await readFile(join(bousaiFolder, 'attachments', 'report.pdf'))).toEqual(PDF)

    // An alias resolves too, and a note linking outside the vault copies nothing.
    const nature = await library.cases.get('nature-walk')
    expect(nature.body).toContain(`[こども食堂](#/case/${kodomo.meta.id})`)
    const outside = await library.cases.get(idOf('外を指すノート'))
    expect(await library.attachments.list(outside.meta.id)).toEqual([])
    expect(summary.warnings.some((w) => /outside the imported folder/.test(w.message))).toBe(true)

    expect(await runCheck([library.root], quiet)).toBe(0)
    expect((await library.cases.list()).damaged).toEqual([])
  })

  it('detects duplicates by id and by title + period start, and honours skip, replace and keep-both', async () => {
    const { library, vault } = await setUp()
    const first = await runImport(library, await planImport(library, [vault]), {
      onDuplicate: 'skip',
    })
    const kodomoId = first.imported.find((i) => i.title.startsWith('こども食堂'))!.id
    await writeFile(
      join(vault, '子育て/こども食堂ネットワーク.md'),
      '---\ntitle: こども食堂ネットワークの立ち上げ\nperiod: 2021-04〜2023-03\ntype: npo\n---\n新しい本文\n',
    )
    const plan = await planImport(library, [vault])
    const kodomo = plan.items.find((i) => i.title.startsWith('こども食堂'))!
    const nature = plan.items.find((i) => i.title === '自然観察会')!
    expect(kodomo.duplicateOf).toMatchObject({ id: kodomoId, reason: 'title-period' })
    expect(nature.duplicateOf).toMatchObject({ id: 'nature-walk', reason: 'id' })

    const choices = { [kodomo.key]: 'replace', [nature.key]: 'keep-both' } as const
    const summary = await runImport(library, plan, { onDuplicate: choices })
    expect(summary.replaced).toEqual([{ id: kodomoId, title: kodomo.title, source: kodomo.source }])
    const kept = summary.imported.find((i) => i.title === '自然観察会')!
    expect(kept.id).not.toBe('nature-walk')
    expect(summary.skipped.map((s) => s.title).sort()).toEqual(
      ['外を指すノート', '防災訓練'].sort(),
    )

    const replaced = await library.cases.get(kodomoId)
    expect(replaced.body).toBe('新しい本文\n')
    expect(replaced.meta.revision).toBe(2)
    // The replaced version is backed up, so replace never loses anything.
    const backups = await listBackups(library, kodomoId)
    expect(backups).toHaveLength(1)
    expect(backups[0]!.revision).toBe(1)
    expect((await library.cases.list()).cases).toHaveLength(5)
  })

  it('imports a single .md file and reports unsupported and missing sources per file', async () => {
    const { parent, library, vault } = await setUp()
    await writeFile(join(parent, 'memo.txt'), 'text')
    const plan = await planImport(library, [
      join(vault, 'nature-walk.md'),
      join(parent, 'memo.txt'),
      join(parent, 'missing.md'),
    ])
    expect(plan.items.map((i) => i.id)).toEqual(['nature-walk'])
    expect(plan.failed.map((f) => f.reason)).toEqual([
      expect.stringMatching(/unsupported file type/),
      expect.stringMatching(/file not found/),
    ])
    const summary = await runImport(library, plan, { onDuplicate: 'skip' })
    expect(summary.imported.map((i) => i.id)).toEqual(['nature-walk'])
    expect(summary.failed).toHaveLength(2)
  })

  it('reads a Shift_JIS note and keeps a note whose value does not fit v1 as a draft with extra', async () => {
    const { parent, library } = await setUp()
    const folder = join(parent, 'sjis')
    await writeVault(folder)
    const sjis = new Uint8Array([0x82, 0xa0, 0x82, 0xa2]) // "あい" in Shift_JIS
    await writeFile(
      join(folder, 'sjis.md'),
      Buffer.concat([Buffer.from('# '), sjis, Buffer.from('\n')]),
    )
    const plan = await planImport(library, [join(folder, 'sjis.md')])
    expect(plan.items[0]!.title).toBe('あい')
    expect(plan.items[0]!.warnings.join()).toMatch(/Shift_JIS/)
  })
})
