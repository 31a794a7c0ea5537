/**
 * Offices for the sync tests: a Git server on 127.0.0.1 (see git-http-server.ts) and library
 * working copies that play 本庁 and 区役所, each editing through the library's own API.
 */
import { execFile } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach } from 'vitest'
import type { CaseDoc } from '../../common/model'
import { runCli } from '../../main/cli/kb'
import { openLibrary } from '../../main/core/library'
import { cloneLibrary } from '../../main/core/sync/clone-library'
import { syncLibrary, type SyncOutcome } from '../../main/core/sync/sync-library'
import { startGitHttpServer, type GitHttpServer } from './git-http-server'
import { copySample, inputOf, useTempFolders } from './temp-library'

const run = promisify(execFile)

export interface Offices {
  server: GitHttpServer
  /** Office A: the sample library, connected to the empty remote first. */
  a: string
  /** Office B: cloned from the remote after A's first sync. */
  b: string
  sync(dir: string, name?: string): Promise<SyncOutcome>
  root: string
}

/** Starts a server per test and stops it afterwards; returns a factory for two offices. */
export function useOffices(): { make(): Promise<Offices> } {
  const temp = useTempFolders()
  const servers: GitHttpServer[] = []
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.stop().catch(() => undefined)))
  })
  return {
    async make() {
      const root = await temp.make('kb-sync-')
      const server = await startGitHttpServer(join(root, 'server'))
      servers.push(server)
      const credentials = { user: server.user, token: server.token }
      const sync = (dir: string, name = 'office') =>
        syncLibrary(dir, { author: { name }, credentials, lockWaitMs: 60_000 })
      const a = await copySample(join(root, 'a'))
      await syncLibrary(a, { author: { name: '本庁' }, credentials, remote: server.url })
      const b = join(root, 'b', 'library')
      await cloneLibrary(server.url, b, { credentials })
      return { server, a, b, sync, root }
    },
  }
}

/** Edits a case through the library API (so revision and updatedAt move as in the app). */
export async function editCase(
  dir: string,
  id: string,
  change: (doc: CaseDoc) => Partial<CaseDoc['meta']> & { body?: string },
): Promise<CaseDoc> {
  const library = await openLibrary(dir)
  const doc = await library.cases.get(id)
  const { body, ...meta } = change(doc)
  return library.cases.save({
    id,
    meta: { ...inputOf(doc.meta), ...meta },
    body: body ?? doc.body,
    baseRevision: doc.meta.revision,
  })
}

export async function readCase(dir: string, id: string): Promise<CaseDoc> {
  return (await openLibrary(dir)).cases.get(id)
}

/** `kb check` in-process: exit code and output. */
export async function kbCheck(dir: string): Promise<{ code: number; text: string }> {
  let text = ''
  const code = await runCli(['check', dir], {
    stdout: (t) => void (text += t),
    stderr: (t) => void (text += t),
  })
  return { code, text }
}

/** The ids the app's search engine finds for a query. */
export async function searchIds(dir: string, query: string): Promise<string[]> {
  let text = ''
  await runCli(['search', dir, query, '--json', '--limit', '100'], {
    stdout: (t) => void (text += t),
    stderr: () => undefined,
  })
  return (JSON.parse(text) as { hits: { id: string }[] }).hits.map((h) => h.id)
}

/** Library files (outside .git and hidden folders) that contain Git conflict markers. */
export async function filesWithConflictMarkers(dir: string): Promise<string[]> {
  const found: string[] = []
  const walk = async (folder: string, prefix: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue
      const path = join(folder, entry.name)
      if (entry.isDirectory()) await walk(path, `${prefix}${entry.name}/`)
      else if (/^(<{7}|={7}|>{7})( |$)/m.test(await readFile(path, 'latin1')))
        found.push(prefix + entry.name)
    }
  }
  await walk(dir, '')
  return found
}

/** The files the server repository holds on main. */
export async function serverFiles(server: GitHttpServer): Promise<string[]> {
  const { stdout } = await run(
    'git',
    ['-C', server.repoDir, 'ls-tree', '-r', '--name-only', 'main'],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  )
  return stdout.split('\n').filter(Boolean)
}

export async function localFsck(dir: string): Promise<void> {
  await run('git', ['-C', dir, 'fsck', '--full'])
}
