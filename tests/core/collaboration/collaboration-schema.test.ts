import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CollaborationCheck } from '../../../common/model'
import { caseMetaInputSchema, storedCaseMetaSchema } from '../../../common/case-schema'
import { openLibrary } from '../../../main/core/library'
import {
  expectKbError,
  fullMetaInput,
  newLibrary,
  useTempFolders,
} from '../../helpers/temp-library'

const temp = useTempFolders()

const CHECK: CollaborationCheck = {
  ownership: { score: 2, note: '当初は名義後援だけだった。' },
  problem: { score: 4 },
  goal: { score: 3, note: '2年目に目標を一緒に書き直した。' },
  action: { score: 5, note: '当日の運営は完全に共同。' },
  note: '名ばかりから始まり、2年目に変わった。',
}

describe('case.json collaboration (協働の4要素)', () => {
  it('survives create → get → save → reopen, exactly as written', async () => {
    const { dir, library } = await newLibrary(temp)
    const created = await library.cases.create({ meta: fullMetaInput({ collaboration: CHECK }) })
    expect(created.meta.collaboration).toEqual(CHECK)
    const onDisk = JSON.parse(
      await readFile(join(dir, 'cases', created.meta.id, 'case.json'), 'utf8'),
    )
    expect(onDisk.collaboration).toEqual(CHECK)
    const reopened = await openLibrary(dir)
    expect((await reopened.cases.get(created.meta.id)).meta.collaboration).toEqual(CHECK)
  })

  it('is optional: a format v1 case without it stays valid, and saving without it removes it', async () => {
    const { library } = await newLibrary(temp)
    const meta = fullMetaInput()
    delete meta.collaboration
    const plain = await library.cases.create({ meta })
    expect(plain.meta.collaboration).toBeUndefined()
    const checked = await library.cases.save({
      id: plain.meta.id,
      meta: { ...meta, collaboration: CHECK },
      body: plain.body,
      baseRevision: plain.meta.revision,
    })
    const cleared = await library.cases.save({
      id: plain.meta.id,
      meta,
      body: plain.body,
      baseRevision: checked.meta.revision,
    })
    expect(cleared.meta.collaboration).toBeUndefined()
  })

  it('accepts a partial check (only the elements someone could judge)', () => {
    const parsed = caseMetaInputSchema.shape.collaboration.safeParse({ goal: { score: 1 } })
    expect(parsed.success).toBe(true)
  })

  it.each([
    ['a score of 0', { ownership: { score: 0 } }],
    ['a score of 6', { goal: { score: 6 } }],
    ['a fractional score', { problem: { score: 3.5 } }],
    ['a score as text', { action: { score: '4' } }],
    ['an element without a score', { ownership: { note: 'メモだけ' } }],
    ['an unknown element', { kindness: { score: 3 } }],
    ['an unknown key inside an element', { ownership: { score: 3, weight: 2 } }],
    ['a note over 1,000 characters', { goal: { score: 3, note: 'あ'.repeat(1001) } }],
  ])('refuses %s', (_, value) => {
    expect(caseMetaInputSchema.shape.collaboration.safeParse(value).success).toBe(false)
  })

  it('refuses an invalid check through the API with the field path', async () => {
    const { library } = await newLibrary(temp)
    const error = await expectKbError(
      library.cases.create({
        meta: fullMetaInput({ collaboration: { ownership: { score: 9 } } }),
      }),
      'invalid',
    )
    expect(error.extra.issues?.[0]?.path).toBe('collaboration.ownership.score')
  })

  it('reports a case.json with a bad check as damaged, the same as any other bad field', async () => {
    const { dir, library } = await newLibrary(temp)
    const created = await library.cases.create({ meta: fullMetaInput() })
    const file = join(dir, 'cases', created.meta.id, 'case.json')
    const stored = JSON.parse(await readFile(file, 'utf8'))
    await writeFile(file, JSON.stringify({ ...stored, collaboration: { goal: { score: 'high' } } }))
    expect(storedCaseMetaSchema.safeParse(JSON.parse(await readFile(file, 'utf8'))).success).toBe(
      false,
    )
    const reopened = await openLibrary(dir)
    const { damaged } = await reopened.cases.list()
    expect(damaged.map((d) => d.id)).toEqual([created.meta.id])
  })
})
