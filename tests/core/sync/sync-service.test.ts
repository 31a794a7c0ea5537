import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Result } from '../../../common/api'
import { listConflicts } from '../../../main/core/sync/conflict-records'
import { editableInput } from '../../../main/core/sync/editable-input'
import { editCase, kbCheck, readCase, searchIds, useOffices } from '../../helpers/sync-offices'
import { openTestSession, useTempFolders } from '../../helpers/temp-library'

const offices = useOffices()
const temp = useTempFolders()
const CASE = 'akiya-taisaku-kyotei'

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

/** Two offices with one title conflict kept in B, and B's API (settings in a temp app data). */
async function conflictInB() {
  const o = await offices.make()
  await editCase(o.a, CASE, () => ({ title: '本庁の題' }))
  await editCase(o.b, CASE, () => ({ title: '区役所の題' }))
  await o.sync(o.a)
  const appData = await temp.make('kb-appdata-')
  const session = await openTestSession(o.b, appData)
  value(
    await session.service['sync.configure']({
      remote: o.server.url,
      user: o.server.user,
      token: o.server.token,
      intervalMinutes: 0,
      syncOnClose: false,
    }),
  )
  const result = value(await session.service['sync.run']())
  expect(result.status).toBe('conflicts')
  return { ...o, session, appData, conflict: result.conflicts[0]! }
}

describe('sync service: settings, conflicts, history', () => {
  it('keeps the token in app data only, and reports status after a sync', async () => {
    const { session, appData, b, server } = await conflictInB()
    const status = value(await session.service['sync.status']())
    expect(status).toMatchObject({
      remote: server.url,
      user: server.user,
      hasToken: true,
      conflicts: 1,
    })
    expect(status.lastSyncedAt).toBeTruthy()
    expect(status.ahead).toBe(0)
    expect(await readFile(join(appData, 'sync-settings.json'), 'utf8')).toContain(server.token)
    expect(await readFile(join(b, '.git', 'config'), 'utf8')).not.toContain(server.token)
    const test = value(
      await session.service['sync.test']({ remote: server.url, user: server.user }),
    )
    expect(test.empty).toBe(false)
    const wrong = await session.service['sync.test']({
      remote: server.url,
      user: server.user,
      token: 'x',
    })
    expect(wrong.ok).toBe(false)
  })

  it('shows both versions of a conflict side by side, and "keep mine" removes the copy and records the choice', async () => {
    const { session, b, conflict } = await conflictInB()
    const detail = value(await session.service['sync.conflict'](conflict.id))
    expect(detail.mine.text).toContain('区役所の題')
    expect(detail.theirs.text).toContain('本庁の題')
    value(await session.service['sync.resolve'](conflict.id, 'mine'))
    expect(await listConflicts(b)).toEqual([])
    await expect(readCase(b, conflict.copy!)).rejects.toThrow()
    expect((await readCase(b, CASE)).meta.related ?? []).not.toContain(conflict.copy)
    const history = value(await session.service['history.list'](CASE))
    expect(history.versions[0]!.message).toContain('自分の版を残す')
    expect((await kbCheck(b)).code).toBe(0)
  })

  it('"take theirs" makes the other version the case as a new save; "keep both" keeps the copy as a case', async () => {
    const first = await conflictInB()
    const before = await readCase(first.b, CASE)
    value(await first.session.service['sync.resolve'](first.conflict.id, 'theirs'))
    const taken = await readCase(first.b, CASE)
    expect(taken.meta.title).toBe('本庁の題')
    expect(taken.meta.revision).toBe(before.meta.revision + 1)
    expect(taken.meta.related ?? []).not.toContain(CASE)

    const second = await conflictInB()
    value(await second.session.service['sync.resolve'](second.conflict.id, 'both'))
    const copy = await readCase(second.b, second.conflict.copy!)
    expect(copy.meta.title).toBe('本庁の題（別版）')
    expect(await searchIds(second.b, '区役所の題')).toContain(CASE)
    expect((await kbCheck(second.b)).code).toBe(0)
  })

  it("lists a case's versions from the Git history and restores one as a new save", async () => {
    const { session, b } = await conflictInB()
    const versions = value(await session.service['history.list'](CASE)).versions
    expect(versions.length).toBeGreaterThanOrEqual(2)
    const old = versions.find((v) => v.title !== '区役所の題' && v.title !== undefined)!
    expect(old.author).toBeTruthy()
    const current = await readCase(b, CASE)
    const restored = value(await session.service['history.restore'](CASE, old.commit))
    expect(restored.meta.title).toBe(old.title)
    expect(restored.meta.revision).toBe(current.meta.revision + 1)
  })

  it('after the first sync, sends what the app reports as changed (the watcher knowledge)', async () => {
    const { session, a, sync } = await conflictInB()
    value(
      await session.service['sync.resolve'](
        (await listConflicts(session.library().root))[0]!.id,
        'mine',
      ),
    )
    const doc = value(await session.service['cases.get'](CASE))
    value(
      await session.service['cases.save']({
        id: CASE,
        meta: { ...editableInput(doc.meta), summary: 'アプリで保存した概要' },
        body: doc.body,
        baseRevision: doc.meta.revision,
      }),
    )
    const result = value(await session.service['sync.run']())
    expect(result.sent).toBeGreaterThanOrEqual(1)
    await sync(a)
    expect((await readCase(a, CASE)).meta.summary).toBe('アプリで保存した概要')
  })
})
