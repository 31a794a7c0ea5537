/**
 * `npm run bench:sync [-- --cases 10000]`: a synthetic library of 10,000 cases synced through a
 * Git server on 127.0.0.1 (git http-backend behind basic auth, as in the tests). Prints the
 * times of the first push, a clone, one changed case synced (with the watcher's hint and with a
 * full scan of the folder), and receiving that change in the other clone.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLibrary } from '../../main/core/library'
import { cloneLibrary } from '../../main/core/sync/clone-library'
import { editableInput } from '../../main/core/sync/editable-input'
import { syncLibrary } from '../../main/core/sync/sync-library'
import { startGitHttpServer } from '../../tests/helpers/git-http-server'
import { fmt, heapUsedMb, timed } from './measure'
import { syntheticCase, writeLibrary } from './synthetic-library'

const args = process.argv.slice(2)
const size = args.includes('--cases') ? Number(args[args.indexOf('--cases') + 1]) : 10_000

async function editOne(dir: string, n: number, summary: string) {
  const library = await openLibrary(dir)
  const id = `case-${String(n).padStart(6, '0')}`
  const doc = await library.cases.get(id)
  const { revision } = doc.meta
  const meta = editableInput(doc.meta)
  await library.cases.save({
    id,
    meta: { ...meta, summary },
    body: `${doc.body}\n追記。\n`,
    baseRevision: revision,
  })
  return id
}

async function main() {
  const root = await mkdtemp(join(tmpdir(), 'kb-bench-sync-'))
  const server = await startGitHttpServer(join(root, 'server'))
  const credentials = { user: server.user, token: server.token }
  const author = { name: 'bench' }
  const rows: [string, string][] = []
  // Each figure is printed as soon as it is measured, so a long run shows its progress.
  const push = (label: string, value: string) => {
    rows.push([label, value])
    console.error(`  ${label}: ${value}`)
  }
  try {
    const a = join(root, 'a')
    const b = join(root, 'b')
    const write = await timed(() =>
      writeLibrary(
        a,
        Array.from({ length: size }, (_, n) => syntheticCase(n + 1)),
      ),
    )
    push(`write ${size} cases`, fmt(write.ms))
    const first = await timed(() => syncLibrary(a, { author, credentials, remote: server.url }))
    push('first sync (commit + push of the whole library)', fmt(first.ms))
    const clone = await timed(() => cloneLibrary(server.url, b, { credentials }))
    push('clone', fmt(clone.ms))

    const hinted = await editOne(a, 17, 'ベンチマークで変更（ヒントあり）')
    const withHint = await timed(() =>
      syncLibrary(a, { author, credentials, paths: [`cases/${hinted}`] }),
    )
    push(
      'one changed case synced (watcher hint)',
      `${fmt(withHint.ms)} (sent ${withHint.value.sent})`,
    )
    await editOne(a, 4242 % size, 'ベンチマークで変更（全体走査）')
    const full = await timed(() => syncLibrary(a, { author, credentials }))
    push('one changed case synced (full folder scan)', `${fmt(full.ms)} (sent ${full.value.sent})`)
    const receive = await timed(() => syncLibrary(b, { author, credentials }))
    push(
      'receiving those 2 cases in the clone',
      `${fmt(receive.ms)} (received ${receive.value.received})`,
    )
    await editOne(b, 99, 'クローン側の変更')
    await editOne(a, 98, '元の側の変更')
    await syncLibrary(a, { author, credentials })
    const merge = await timed(() => syncLibrary(b, { author, credentials }))
    push('merge (one case each side) + push', fmt(merge.ms))
    push('heap after', `${heapUsedMb()} MB`)
  } finally {
    await server.stop()
    await rm(root, { recursive: true, force: true })
  }
  console.log(
    `\nsync benchmark: ${size} cases, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n`,
  )
  console.log('| step | time |\n|---|---|')
  for (const [label, value] of rows) console.log(`| ${label} | ${value} |`)
}

await main()
