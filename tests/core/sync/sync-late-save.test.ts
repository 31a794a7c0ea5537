import { appendFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
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
})
