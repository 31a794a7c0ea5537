import { readFile, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CaseDoc, CaseMetaInput } from '../../common/model'
import type { Library } from '../../main/core/library'
import { caseFilesHash } from '../../main/core/watch/case-state'
import {
  expectKbError,
  inputOf,
  newLibrary,
  openTestSession,
  useTempFolders,
} from '../helpers/temp-library'

const temp = useTempFolders()

function saveAs(
  library: Library,
  doc: CaseDoc,
  edit: Partial<CaseMetaInput>,
  body: string,
  /** null: send no hash, as the CLI and scripts do. */
  baseFilesHash: string | null | undefined = doc.filesHash,
): Promise<CaseDoc> {
  return library.cases.save({
    id: doc.meta.id,
    meta: { ...inputOf(doc.meta), ...edit },
    body,
    baseRevision: doc.meta.revision,
    ...(typeof baseFilesHash === 'string' && { baseFilesHash }),
  })
}

async function setup() {
  const { dir, library } = await newLibrary(temp)
  const created = await library.cases.create({ meta: { title: '元の事例' }, body: '元の本文\n' })
  const folder = join(dir, 'cases', created.meta.id)
  return { library, folder, created }
}

describe('CaseStore: the files hash a save is checked against', () => {
  it('hands out the hash of the files on disk from create, get and save', async () => {
    const { library, folder, created } = await setup()
    expect(created.filesHash).toBe(await caseFilesHash(folder))
    const loaded = await library.cases.get(created.meta.id)
    expect(loaded.filesHash).toBe(await caseFilesHash(folder))
    const saved = await saveAs(library, loaded, { title: '保存後' }, '保存後の本文\n')
    expect(saved.filesHash).toMatch(/^[0-9a-f]{64}$/)
    expect(saved.filesHash).not.toBe(loaded.filesHash)
    expect(saved.filesHash).toBe(await caseFilesHash(folder))
    expect((await library.cases.get(created.meta.id)).filesHash).toBe(saved.filesHash)
  })

  it('refuses a save over an outside edit of case.md (revision unchanged) as a conflict, and the edit stays on disk', async () => {
    const { library, folder, created } = await setup()
    const saved = await saveAs(library, created, { title: 'アプリで保存' }, 'アプリの本文\n')
    // Another program (a text editor, a sync tool) rewrites case.md and leaves case.json alone.
    const outside = 'エディタで書き足した本文\n'
    await writeFile(join(folder, 'case.md'), outside)
    const metaBefore = await readFile(join(folder, 'case.json'), 'utf8')

    const error = await expectKbError(
      saveAs(library, saved, { title: '古い版からの保存' }, '上書きしようとした本文\n'),
      'conflict',
    )
    expect(await readFile(join(folder, 'case.md'), 'utf8')).toBe(outside)
    expect(await readFile(join(folder, 'case.json'), 'utf8')).toBe(metaBefore)
    // The conflict carries what is on disk now, with its hash, so the editor can show both sides.
    const current = error.extra.current!
    expect(current.body).toBe(outside)
    expect(current.meta.revision).toBe(saved.meta.revision)
    expect(current.filesHash).toBe(await caseFilesHash(folder))

    // Choosing to overwrite saves against what is on disk now.
    const overwritten = await saveAs(library, current, { title: '上書き' }, '上書きした本文\n')
    expect(overwritten.meta.revision).toBe(saved.meta.revision + 1)
    expect(await readFile(join(folder, 'case.md'), 'utf8')).toBe('上書きした本文\n')
  })

  it('refuses a save over an outside edit of case.json that kept the revision', async () => {
    const { library, folder, created } = await setup()
    const file = join(folder, 'case.json')
    const json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
    await writeFile(file, JSON.stringify({ ...json, title: 'ツールで変えた題名' }, null, 2))
    await expectKbError(saveAs(library, created, {}, created.body), 'conflict')
    expect((JSON.parse(await readFile(file, 'utf8')) as { title: string }).title).toBe(
      'ツールで変えた題名',
    )
  })

  it('still checks only the revision for a caller that sends no hash (CLI, scripts)', async () => {
    const { library, folder, created } = await setup()
    await writeFile(join(folder, 'case.md'), '外部の編集\n')
    const saved = await saveAs(library, created, {}, 'スクリプトの本文\n', null)
    expect(saved.meta.revision).toBe(created.meta.revision + 1)
    // A stale revision is refused as before, hash or no hash.
    await expectKbError(saveAs(library, created, {}, 'x\n', null), 'conflict')
  })

  it('reports a stale revision with the revision message even when the hash is stale too', async () => {
    const { library, created } = await setup()
    await saveAs(library, created, { title: '先に保存' }, '先の本文\n')
    const error = await expectKbError(saveAs(library, created, {}, 'x\n'), 'conflict')
    expect(error.message).toContain('保存済みの版: 2')
  })

  it('hashes a case without case.md as an empty body, so saving it is not a conflict', async () => {
    const { library, folder, created } = await setup()
    await unlink(join(folder, 'case.md'))
    const loaded = await library.cases.get(created.meta.id)
    expect(loaded.body).toBe('')
    expect(loaded.filesHash).toBe(await caseFilesHash(folder))
    const saved = await saveAs(library, loaded, {}, '書き始めた本文\n')
    expect(saved.meta.revision).toBe(loaded.meta.revision + 1)
  })
})

describe('cases.save through the API dispatch (IPC and HTTP share it)', () => {
  it('takes baseFilesHash as optional: a save with the loaded hash, one without, and a stale one refused', async () => {
    const { parent, dir, library } = await newLibrary(temp)
    const created = await library.cases.create({ meta: { title: 'API' }, body: '本文\n' })
    const session = await openTestSession(dir, join(parent, 'app-data'))
    try {
      const got = (await session.dispatch('cases.get', [created.meta.id])) as {
        ok: true
        value: CaseDoc
      }
      expect(got.value.filesHash).toBe(created.filesHash)
      const args = (doc: CaseDoc, extra: object) => [
        { id: doc.meta.id, meta: inputOf(doc.meta), body: '新しい本文\n', ...extra },
      ]
      const withHash = (await session.dispatch(
        'cases.save',
        args(got.value, { baseRevision: 1, baseFilesHash: got.value.filesHash }),
      )) as { ok: true; value: CaseDoc }
      expect(withHash.ok).toBe(true)
      const withoutHash = (await session.dispatch(
        'cases.save',
        args(got.value, { baseRevision: 2 }),
      )) as { ok: true; value: CaseDoc }
      expect(withoutHash).toMatchObject({ ok: true, value: { meta: { revision: 3 } } })
      await writeFile(join(dir, 'cases', created.meta.id, 'case.md'), '外部の編集\n')
      expect(
        await session.dispatch(
          'cases.save',
          args(got.value, { baseRevision: 3, baseFilesHash: withoutHash.value.filesHash }),
        ),
      ).toMatchObject({ ok: false, error: { code: 'conflict', current: { body: '外部の編集\n' } } })
      expect(
        await session.dispatch(
          'cases.save',
          args(got.value, { baseRevision: 3, baseFilesHash: 'x' }),
        ),
      ).toMatchObject({ ok: false, error: { code: 'invalid' } })
    } finally {
      await session.close()
    }
  })
})
