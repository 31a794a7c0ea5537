import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startGitHttpServer, type GitHttpServer } from '../helpers/git-http-server'
import { editCase, readCase, serverFiles } from '../helpers/sync-offices'
import { PROJECT_ROOT, copySample, useTempFolders } from '../helpers/temp-library'
import { afterEach } from 'vitest'

const temp = useTempFolders()
const servers: GitHttpServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()))
})
const CASE = 'akiya-taisaku-kyotei'

/** The real CLI in its own process (`npx tsx main/cli/kb.ts`), credentials from the environment. */
async function kb(
  env: Record<string, string>,
  ...argv: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn('npx', ['tsx', 'main/cli/kb.ts', ...argv], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text))
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text))
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', resolve)
  })
  return { code, stdout, stderr }
}

describe('kb sync and kb clone', () => {
  it('connects, clones, syncs with --json, exits 3 on conflicts, 1 on a wrong token, 2 on bad usage', async () => {
    const root = await temp.make('kb-cli-sync-')
    const server = await startGitHttpServer(join(root, 'server'))
    servers.push(server)
    const env = { KB_SYNC_USER: server.user, KB_SYNC_TOKEN: server.token }
    const a = await copySample(join(root, 'a'))
    const b = join(root, 'b')

    const connect = await kb(env, 'sync', a, '--remote', server.url, '--json')
    expect(connect.code, connect.stderr).toBe(0)
    expect(JSON.parse(connect.stdout)).toMatchObject({
      status: 'synced',
      received: 0,
      conflicts: [],
    })
    expect(await serverFiles(server)).toContain(`cases/${CASE}/case.md`)

    const clone = await kb(env, 'clone', server.url, b)
    expect(clone.code, clone.stderr).toBe(0)
    expect((await readCase(b, CASE)).meta.title).toBe((await readCase(a, CASE)).meta.title)

    await editCase(a, CASE, () => ({ title: '本庁の題' }))
    await editCase(b, CASE, () => ({ title: '区役所の題' }))
    expect((await kb(env, 'sync', a, '--json')).code).toBe(0)
    const conflicted = await kb(env, 'sync', b, '--json')
    expect(conflicted.code).toBe(3)
    const report = JSON.parse(conflicted.stdout) as { status: string; conflicts: unknown[] }
    // Sent: the case as merged and the conflict copy of the other side.
    expect(report).toMatchObject({ status: 'conflicts', sent: 2, received: 1 })
    expect(report.conflicts).toEqual([expect.objectContaining({ kind: 'case', path: CASE })])

    const wrong = await kb({ ...env, KB_SYNC_TOKEN: 'wrong' }, 'sync', a)
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toContain('認証')
    expect(wrong.stderr).toContain('token')

    expect((await kb(env, 'sync')).code).toBe(2)
    expect((await kb(env, 'clone', server.url)).code).toBe(2)
  }, 120_000)
})
