import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../../main/core/library'
import git from 'isomorphic-git'
import { gitContext } from '../../../main/core/sync/git-context'
import { isNetworkPath } from '../../../main/core/sync/local-disk'
import { pushChanges } from '../../../main/core/sync/push-changes'
import { recordChanges } from '../../../main/core/sync/record-changes'
import { syncLibrary } from '../../../main/core/sync/sync-library'
import { fsckRepository } from '../../helpers/git-http-server'
import { editCase, localFsck, readCase, serverFiles, useOffices } from '../../helpers/sync-offices'
import { expectKbError, snapshotTree } from '../../helpers/temp-library'

const offices = useOffices()
const CASE = 'akiya-taisaku-kyotei'

/** The library's own files (not .git): what a user would call "local". */
async function libraryFiles(dir: string) {
  const tree = await snapshotTree(dir)
  return Object.fromEntries(Object.entries(tree).filter(([path]) => !path.startsWith('.git/')))
}

describe('sync faults', () => {
  it('a wrong token fails with a clear message and changes nothing locally or on the server', async () => {
    const { a, server } = await offices.make()
    await editCase(a, CASE, () => ({ summary: '未送信の編集' }))
    const before = await libraryFiles(a)
    const serverBefore = await serverFiles(server)
    const error = await expectKbError(
      syncLibrary(a, { author: { name: 'x' }, credentials: { user: server.user, token: 'wrong' } }),
      'invalid',
    )
    expect(error.message).toContain('認証')
    expect(error.message).toContain('token')
    expect(await libraryFiles(a)).toEqual(before)
    expect(await serverFiles(server)).toEqual(serverBefore)
    expect(server.refusedAuth).toBeGreaterThan(0)
  })

  it('a server that is down: clear message, local edits kept, and the next sync sends them', async () => {
    const { a, b, sync, server } = await offices.make()
    await editCase(a, CASE, () => ({ summary: 'サーバー停止中の編集' }))
    await server.stop()
    const error = await expectKbError(sync(a), 'io')
    expect(error.message).toContain('サーバーに接続できません')
    expect((await readCase(a, CASE)).meta.summary).toBe('サーバー停止中の編集')
    await server.start()
    expect((await sync(a)).sent).toBe(1)
    await sync(b)
    expect((await readCase(b, CASE)).meta.summary).toBe('サーバー停止中の編集')
  })

  it('a connection cut during the push keeps the local commit, and the next sync sends it', async () => {
    const { a, b, sync, server } = await offices.make()
    await editCase(a, CASE, () => ({ summary: '送信中に切断された編集' }))
    server.dropNext('.git/git-receive-pack')
    await expectKbError(sync(a), 'io')
    expect((await readCase(a, CASE)).meta.summary).toBe('送信中に切断された編集')
    await fsckRepository(server.repoDir)
    expect((await sync(a)).sent).toBe(1)
    await sync(b)
    expect((await readCase(b, CASE)).meta.summary).toBe('送信中に切断された編集')
  })

  it('two syncs of one library at once: the second waits or refuses, the repository stays sound', async () => {
    const { a, b, sync, server } = await offices.make()
    await editCase(a, CASE, () => ({ summary: '同時同期' }))
    const credentials = { user: server.user, token: server.token }
    const first = sync(a)
    const second = await syncLibrary(a, { author: { name: 'x' }, credentials, lockWaitMs: 0 }).then(
      () => 'synced',
      (error: unknown) => String(error),
    )
    expect((await first).status).toBe('synced')
    // Started while the first held the lock: refused with a message (or, had the first already
    // finished, simply synced).
    expect(second === 'synced' || second.includes('同期中')).toBe(true)
    // Waiting syncs (two windows, CLI and app) simply run one after the other.
    await editCase(b, CASE, () => ({ area: '並行' }))
    const both = await Promise.all([sync(b), sync(b), sync(b)])
    expect(both.map((r) => r.status)).toEqual(['synced', 'synced', 'synced'])
    await localFsck(a)
    await localFsck(b)
    await fsckRepository(server.repoDir)
  })

  it('keeps derived and per-user data out of the repository (.gitignore)', async () => {
    const { a, sync, server } = await offices.make()
    await editCase(a, CASE, () => ({ summary: 'バックアップが作られる編集' }))
    await (await openLibrary(a)).trash.remove('bukatsu-chiiki-iko')
    await mkdir(join(a, '.cache'), { recursive: true })
    await writeFile(join(a, '.cache', 'search-index.json'), '{}')
    await writeFile(join(a, '.kbtmp-stray'), 'x')
    await sync(a)
    const files = await serverFiles(server)
    expect(files).toContain('.gitignore')
    expect(files).toContain(`cases/${CASE}/case.json`)
    expect(files.filter((f) => f.startsWith('.') && f !== '.gitignore')).toEqual([])
    expect(files.some((f) => f.startsWith('cases/bukatsu-chiiki-iko/'))).toBe(false)
    expect(await readFile(join(a, '.gitignore'), 'utf8')).toContain('.*')
  })

  it('refuses a remote that is not HTTP(S) and a library on a network path', async () => {
    const { a } = await offices.make()
    const error = await expectKbError(
      syncLibrary(a, { author: { name: 'x' }, remote: `file://${a}` }),
      'invalid',
    )
    expect(error.message).toContain('http')
    expect(await isNetworkPath('//fileserver/kyodo/library')).toBe(true)
    expect(await isNetworkPath('\\\\fileserver\\kyodo\\library')).toBe(true)
    expect(await isNetworkPath(a)).toBe(false)
    const refused = await expectKbError(
      syncLibrary('//fileserver/kyodo/library', { author: { name: 'x' } }),
      'invalid',
    )
    expect(refused.message).toContain('ローカルディスク')
  })

  it('a push refused because another office pushed first is answered by fetch, merge and retry', async () => {
    const { a, b, sync, server } = await offices.make()
    await editCase(a, CASE, () => ({ summary: '本庁の同時編集' }))
    await editCase(b, 'bukatsu-chiiki-iko', () => ({ summary: '区役所の同時編集' }))
    const results = await Promise.all([sync(a), sync(b)])
    expect(results.map((r) => r.status)).toEqual(['synced', 'synced'])
    await sync(a)
    await sync(b)
    for (const dir of [a, b]) {
      expect((await readCase(dir, CASE)).meta.summary).toBe('本庁の同時編集')
      expect((await readCase(dir, 'bukatsu-chiiki-iko')).meta.summary).toBe('区役所の同時編集')
    }
    await fsckRepository(server.repoDir)
  })

  it('a commit interrupted between staging and committing is still recorded by the next sync', async () => {
    const { a, b, sync } = await offices.make()
    const file = join(a, 'cases', CASE, 'case.md')
    await writeFile(file, `${await readFile(file, 'utf8')}\n中断前に追加した段落。\n`)
    // What a crash after `git add` leaves behind: the change staged, no commit, the marker set.
    const ctx = gitContext(a)
    await git.add({ fs: ctx.fs, dir: a, filepath: `cases/${CASE}/case.md` })
    await writeFile(join(a, '.git', 'kb-recording'), '')
    expect((await sync(a)).sent).toBe(1)
    await sync(b)
    expect((await readCase(b, CASE)).body).toContain('中断前に追加した段落。')
  })

  it('the server refuses a push that is not a fast-forward (never forced), reported as rejected', async () => {
    const { a, b, sync, server } = await offices.make()
    await editCase(a, CASE, () => ({ summary: '先に送った編集' }))
    await sync(a)
    await editCase(b, CASE, () => ({ area: '後から送る編集' }))
    const ctx = gitContext(b, { user: server.user, token: server.token })
    await recordChanges(ctx, { author: { name: 'b' }, now: new Date() })
    const local = await git.resolveRef({ fs: ctx.fs, dir: b, ref: 'main' })
    const error = await pushChanges(ctx, server.url, local).then(
      () => null,
      (e: unknown) => e as { code?: string },
    )
    expect(error?.code).toBe('PushRejectedError')
    // The normal sync then fetches, merges and sends both.
    expect((await sync(b)).status).toBe('synced')
    await sync(a)
    expect((await readCase(a, CASE)).meta).toMatchObject({
      summary: '先に送った編集',
      area: '後から送る編集',
    })
  })
})
