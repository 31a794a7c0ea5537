import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { syncLibrary } from '../../../main/core/sync/sync-library'
import { editCase, kbCheck, readCase, useOffices } from '../../helpers/sync-offices'

const offices = useOffices()
const CASE = 'akiya-taisaku-kyotei'
const OTHER = 'bukatsu-chiiki-iko'
const LATE_LINE = '\n同期の途中で保存した一文。\n'

/**
 * A sync records the local changes, then merges what arrived. A save that lands in between is in
 * no commit yet: the merge must not write over it. Here another program appends to case.md at
 * the moment the merge starts (the 'merge' progress phase).
 */
describe('a save that lands while a sync merges', () => {
  for (const shape of ['fast-forward', 'merge commit'] as const) {
    it(`is kept, and what arrived becomes a conflict copy (${shape})`, async () => {
      const { a, b, sync, server } = await offices.make()
      await editCase(a, CASE, () => ({ summary: 'A が同期した概要' }))
      await sync(a, '本庁')
      if (shape === 'merge commit') await editCase(b, OTHER, () => ({ summary: 'B の別の変更' }))
      const caseBody = join(b, 'cases', CASE, 'case.md')
      const result = await syncLibrary(b, {
        author: { name: '区役所' },
        credentials: { user: server.user, token: server.token },
        onProgress: (phase) => {
          if (phase === 'merge') appendFileSync(caseBody, LATE_LINE)
        },
      })
      expect(result.status).toBe('conflicts')
      expect(result.conflicts).toHaveLength(1)
      const conflict = result.conflicts[0]!
      expect(conflict).toMatchObject({ kind: 'case', path: CASE })
      // The late save is in place; A's version is the copy.
      expect(await readFile(caseBody, 'utf8'), 'B keeps the late save').toContain(LATE_LINE.trim())
      expect((await readCase(b, CASE)).meta.summary).not.toBe('A が同期した概要')
      expect((await readCase(b, conflict.copy!)).meta.summary).toBe('A が同期した概要')
      expect((await kbCheck(b)).code).toBe(0)
      // The next syncs carry both to office A.
      await sync(b, '区役所')
      await sync(a, '本庁')
      expect((await readCase(a, CASE)).body, 'A gets the late save').toContain(LATE_LINE.trim())
      expect((await readCase(a, conflict.copy!)).meta.summary).toBe('A が同期した概要')
      if (shape === 'merge commit')
        expect((await readCase(a, OTHER)).meta.summary).toBe('B の別の変更')
    }, 120_000)
  }

  it('library.json saved during the merge is kept, and what arrived is kept beside it', async () => {
    const { a, b, sync, server } = await offices.make()
    const configA = join(a, 'library.json')
    const original = JSON.parse(await readFile(configA, 'utf8'))
    await writeFile(
      configA,
      `${JSON.stringify({ ...original, name: 'A が変えた名前' }, null, 2)}\n`,
    )
    await sync(a, '本庁')
    const configB = join(b, 'library.json')
    const result = await syncLibrary(b, {
      author: { name: '区役所' },
      credentials: { user: server.user, token: server.token },
      onProgress: (phase) => {
        if (phase !== 'merge') return
        const late = {
          ...JSON.parse(readFileSync(configB, 'utf8')),
          name: 'B が同期中に変えた名前',
        }
        writeFileSync(configB, `${JSON.stringify(late, null, 2)}\n`)
      },
    })
    expect(result.status).toBe('conflicts')
    const conflict = result.conflicts.find((c) => c.path === 'library.json')!
    expect(conflict).toMatchObject({ kind: 'file' })
    expect(JSON.parse(await readFile(configB, 'utf8')).name).toBe('B が同期中に変えた名前')
    expect(JSON.parse(await readFile(join(b, conflict.copy!), 'utf8')).name).toBe('A が変えた名前')
    expect((await kbCheck(b)).code).toBe(0)
  }, 120_000)
})
