import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCaseDoc, readCaseDocSync } from '../../main/core/case-files'
import { signatureOf, signatureOfSync } from '../../main/core/search/case-signatures'
import { SAMPLE_DIR, useTempFolders } from '../helpers/temp-library'

const temp = useTempFolders()

/** What a read gives: the case, or the error's code and message. */
async function outcome(read: () => unknown): Promise<unknown> {
  try {
    return await read()
  } catch (error) {
    return { code: (error as { code?: string }).code, message: (error as Error).message }
  }
}

/**
 * The index build's worker reads with blocking calls (readCaseDocSync, signatureOfSync); what it
 * reads must be exactly what the app's own reads give, for good cases and for every way a case
 * can be broken, or the index would hold another text than the case view.
 */
describe('blocking case reads (index build worker)', () => {
  it('give what the promise-based reads give, case by case', async () => {
    const root = await temp.make()
    await cp(SAMPLE_DIR, root, { recursive: true })
    const cases = join(root, 'cases')
    const id = 'kasumigawa-seiso'
    // Variants: a BOM in both files, no body, a damaged case.json, another id, no case.json.
    await mkdir(join(cases, 'bom'))
    const meta = JSON.parse(await readFile(join(cases, id, 'case.json'), 'utf8'))
    await writeFile(
      join(cases, 'bom', 'case.json'),
      `\uFEFF${JSON.stringify({ ...meta, id: 'bom' })}`,
    )
    await writeFile(join(cases, 'bom', 'case.md'), '\uFEFF本文')
    await rm(join(cases, id, 'case.md'))
    await mkdir(join(cases, 'broken'))
    await writeFile(join(cases, 'broken', 'case.json'), '{ "id": "broken", ')
    await mkdir(join(cases, 'other-id'))
    await writeFile(join(cases, 'other-id', 'case.json'), JSON.stringify({ id: 'x', title: 't' }))
    await mkdir(join(cases, 'only-body'))
    await writeFile(join(cases, 'only-body', 'case.md'), '本文だけ')
    for (const name of [
      id,
      'akiya-taisaku-kyotei',
      'bom',
      'broken',
      'other-id',
      'only-body',
      'gone',
    ]) {
      const folder = join(cases, name)
      expect(await outcome(() => readCaseDocSync(folder, name))).toEqual(
        await outcome(() => readCaseDoc(folder, name)),
      )
      expect(signatureOfSync(root, name)).toBe(await signatureOf(root, name))
    }
    expect(readCaseDocSync(join(cases, 'bom'), 'bom').body).toBe('本文')
    expect(readCaseDocSync(join(cases, 'bom'), 'bom').meta.title).toBe(meta.title)
    expect(await outcome(() => readCaseDocSync(join(cases, 'broken'), 'broken'))).toMatchObject({
      code: 'damaged',
    })
    expect(readCaseDocSync(join(cases, id), id).body).toBe('')
    expect(signatureOfSync(root, 'gone')).toBeNull()
  })
})
