import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { runCheck } from '../../../main/cli/commands/check'
import { planImport, runImport } from '../../../main/core/exchange/markdown-import'
import { exportPackage, readPackage } from '../../../main/core/exchange/package'
import { openLibrary } from '../../../main/core/library'
import {
  copySample,
  expectKbError,
  newLibrary,
  sampleCaseIds,
  snapshotTree,
  useTempFolders,
} from '../../helpers/temp-library'

const temp = useTempFolders()
const quiet = { stdout: () => undefined, stderr: () => undefined }
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex')

interface Entry {
  path: string
  data: string | Uint8Array
  /** Listed in the manifest with this content instead (for checksum tests). */
  listedAs?: string | Uint8Array
  unlisted?: boolean
  unixPermissions?: number
}

const CASE_JSON = JSON.stringify({
  schema: 1,
  id: 'evil-case',
  title: '悪意のあるパッケージ',
  partnerTypes: ['npo'],
  status: 'draft',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  revision: 3,
})

/** A package built by hand, so each test can break exactly one rule. */
async function handMadePackage(entries: Entry[]): Promise<Uint8Array> {
  const zip = new JSZip()
  const all: Entry[] = [{ path: 'cases/evil-case/case.json', data: CASE_JSON }, ...entries]
  const manifest = {
    format: 'kyodo-kb-package/1',
    createdAt: '2025-01-01T00:00:00.000Z',
    cases: [{ id: 'evil-case', title: '悪意のあるパッケージ' }],
    files: all
      .filter((e) => !e.unlisted)
      .map((e) => {
        const listed = e.listedAs ?? e.data
        return { path: e.path, sha256: sha256(listed), size: Buffer.byteLength(listed) }
      }),
  }
  zip.file('manifest.json', JSON.stringify(manifest), { createFolders: false })
  for (const e of all) {
    zip.file(e.path, e.data, { createFolders: false, unixPermissions: e.unixPermissions })
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', platform: 'UNIX' })
}

/** Rewrites the uncompressed size the zip declares for `name` (local header and central directory). */
function forgeDeclaredSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = Buffer.from(bytes)
  const nameBytes = Buffer.from(name)
  for (let i = 0; i < out.length - 4; i++) {
    const sig = out.readUInt32LE(i)
    if (sig === 0x04034b50 && out.subarray(i + 30, i + 30 + nameBytes.length).equals(nameBytes)) {
      out.writeUInt32LE(size, i + 22)
    }
    if (sig === 0x02014b50 && out.subarray(i + 46, i + 46 + nameBytes.length).equals(nameBytes)) {
      out.writeUInt32LE(size, i + 24)
    }
  }
  return out
}

describe('exchange packages', () => {
  it('exports cases with a manifest of checksums and reads them back verified, format v1 inside', async () => {
    const parent = await temp.make()
    const library = await openLibrary(await copySample(parent))
    const ids = await sampleCaseIds()
    const bytes = await exportPackage(library, 'all')
    const contents = await readPackage(bytes)
    expect(contents.manifest.format).toBe('kyodo-kb-package/1')
    expect(contents.cases.map((c) => c.id).sort()).toEqual(ids)
    const zip = await JSZip.loadAsync(bytes)
    expect(Object.keys(zip.files)[0]).toBe('manifest.json')
    for (const file of contents.manifest.files) {
      const onDisk = await readFile(join(library.root, file.path))
      expect(file.sha256).toBe(sha256(onDisk))
      expect(file.size).toBe(onDisk.byteLength)
    }
    const withAttachment = contents.cases.find((c) => c.attachments.length > 0)
    expect(withAttachment).toBeDefined()
  })

  it('moves a selection to another library: same metadata, body and attachments, new revision 1', async () => {
    const parent = await temp.make()
    const source = await openLibrary(await copySample(parent))
    const ids = ['kenko-point', 'akiya-taisaku-kyotei']
    const file = join(parent, '選択した事例.zip')
    await writeFile(file, await exportPackage(source, ids))
    const { library: target } = await newLibrary(temp)
    const plan = await planImport(target, [file])
    expect(plan.failed).toEqual([])
    const summary = await runImport(target, plan, { onDuplicate: 'skip' })
    expect(summary.imported.map((i) => i.id).sort()).toEqual([...ids].sort())
    for (const id of ids) {
      const a = await source.cases.get(id)
      const b = await target.cases.get(id)
      expect(b.body).toBe(a.body)
      expect({ ...b.meta, revision: 0 }).toEqual({ ...a.meta, revision: 0 })
      expect(b.meta.revision).toBe(1)
      for (const att of await source.attachments.list(id)) {
        expect(await readFile(await target.attachments.pathOf(id, att.name))).toEqual(
          await readFile(await source.attachments.pathOf(id, att.name)),
        )
      }
    }
    expect(await runCheck([target.root], quiet)).toBe(0)
    // Importing the same package again finds both as duplicates by id.
    const again = await planImport(target, [file])
    expect(again.items.map((i) => i.duplicateOf?.reason)).toEqual(['id', 'id'])
  })

  it('adds partner types the package defines and the library lacks', async () => {
    const parent = await temp.make()
    const source = await openLibrary(await copySample(parent))
    await source.settings.update((c) => ({
      ...c,
      partnerTypes: [
        ...c.partnerTypes,
        { key: 'coop', ja: '協同組合', en: 'Co-ops', color: '#123456' },
      ],
    }))
    const doc = await source.cases.get('kenko-point')
    await source.cases.save({
      id: doc.meta.id,
      meta: { title: doc.meta.title, status: doc.meta.status, partnerTypes: ['coop'] },
      body: doc.body,
      baseRevision: doc.meta.revision,
    })
    const file = join(parent, 'coop.zip')
    await writeFile(file, await exportPackage(source, ['kenko-point']))
    const { library: target } = await newLibrary(temp)
    const summary = await runImport(target, await planImport(target, [file]), {
      onDuplicate: 'skip',
    })
    expect(summary.failed).toEqual([])
    expect(target.config.partnerTypes.map((t) => t.key)).toContain('coop')
  })

  const hostile: [string, () => Promise<Uint8Array>, RegExp][] = [
    [
      'zip-slip ../../evil',
      () => handMadePackage([{ path: '../../evil', data: 'x', unlisted: true }]),
      /path leaves its folder/,
    ],
    [
      'an absolute path',
      () => handMadePackage([{ path: '/etc/x', data: 'x', unlisted: true }]),
      /absolute path/,
    ],
    [
      'a drive-letter path with backslashes',
      () => handMadePackage([{ path: 'C:\\x', data: 'x', unlisted: true }]),
      /backslash|drive-letter/,
    ],
    [
      'a symbolic link entry',
      () =>
        handMadePackage([
          {
            path: 'cases/evil-case/attachments/link.png',
            data: '/etc/passwd',
            unixPermissions: 0o120777,
          },
        ]),
      /symbolic link/,
    ],
    [
      'an entry missing from the manifest',
      () => handMadePackage([{ path: 'cases/evil-case/case.md', data: '本文', unlisted: true }]),
      /not in the manifest/,
    ],
    [
      'a wrong checksum',
      () =>
        handMadePackage([
          {
            path: 'cases/evil-case/case.md',
            data: '改ざんされた本文',
            listedAs: '改ざん前の本文だ',
          },
        ]),
      /checksum mismatch/,
    ],
    [
      'a manifest path outside cases/',
      () => handMadePackage([{ path: 'library.json', data: '{}' }]),
      /invalid path in manifest/,
    ],
    [
      'an entry larger than the limit',
      () =>
        handMadePackage([
          { path: 'cases/evil-case/attachments/big.bin', data: new Uint8Array(300_000) },
        ]),
      /entry too large/,
    ],
    [
      'a zip bomb that declares a small size',
      async () => {
        const bomb = new Uint8Array(3_000_000)
        const zip = await handMadePackage([
          { path: 'cases/evil-case/attachments/bomb.bin', data: bomb, listedAs: 'tiny' },
        ])
        return forgeDeclaredSize(zip, 'cases/evil-case/attachments/bomb.bin', 4)
      },
      /inflates beyond the limit|cannot inflate/,
    ],
    [
      'something that is not a zip',
      async () => new TextEncoder().encode('PK not really'),
      /not a readable zip/,
    ],
  ]

  it.each(hostile)(
    'refuses %s with invalid, writing nothing inside or outside the library',
    async (_name, make, reason) => {
      const { parent, dir, library } = await newLibrary(temp)
      const bytes = await make()
      const error = await expectKbError(readPackage(bytes, { maxEntryBytes: 200_000 }), 'invalid')
      expect(error.message).toMatch(reason)
      expect(error.message).toMatch(/パッケージを受け付けられません/)
      // Through the import path too: reported per file, nothing written anywhere.
      const file = join(parent, 'hostile.zip')
      await writeFile(file, bytes)
      const before = await snapshotTree(parent)
      const plan = await planImport(library, [file], { packageLimits: { maxEntryBytes: 200_000 } })
      const summary = await runImport(library, plan, { onDuplicate: 'replace' })
      expect(summary.imported).toEqual([])
      expect(summary.failed).toHaveLength(1)
      expect(await snapshotTree(parent)).toEqual(before)
      expect(await snapshotTree(dir)).toEqual(
        Object.fromEntries(
          Object.entries(before)
            .filter(([k]) => k.startsWith('library/'))
            .map(([k, v]) => [k.slice('library/'.length), v])
            .filter(([k]) => k !== ''),
        ),
      )
    },
  )

  it('accepts a well-formed hand-made package (the hostile cases differ from it in one rule only)', async () => {
    const bytes = await handMadePackage([{ path: 'cases/evil-case/case.md', data: '本文' }])
    const contents = await readPackage(bytes)
    expect(contents.cases.map((c) => [c.id, c.body])).toEqual([['evil-case', '本文']])
  })
})
