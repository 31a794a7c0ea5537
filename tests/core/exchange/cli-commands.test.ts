import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Output } from '../../../main/cli/cli-args'
import { UsageError } from '../../../main/cli/cli-args'
import { runExport } from '../../../main/cli/commands/export'
import { runImport } from '../../../main/cli/commands/import'
import { runRestore } from '../../../main/cli/commands/restore'
import { backupBeforeWrite, backupLibraryConfig } from '../../../main/core/backup/backups'
import { readPackage } from '../../../main/core/exchange/package'
import { openLibrary } from '../../../main/core/library'
import { copySample, inputOf, newLibrary, useTempFolders } from '../../helpers/temp-library'
import { writeVault } from './vault-fixture'

const temp = useTempFolders()

function capture(): Output & { out: string[]; err: string[] } {
  const out: string[] = []
  const err: string[] = []
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t) }
}

describe('kb import / export / restore', () => {
  it('imports a vault, reporting the broken file with exit 1 and a JSON summary', async () => {
    const { parent, dir } = await newLibrary(temp)
    await writeVault(join(parent, 'vault'))
    const io = capture()
    expect(await runImport([dir, join(parent, 'vault'), '--json'], io)).toBe(1)
    const summary = JSON.parse(io.out.join(''))
    expect(summary.imported).toHaveLength(4)
    expect(summary.failed).toHaveLength(1)
    const again = capture()
    expect(
      await runImport(
        [dir, join(parent, 'vault', 'nature-walk.md'), '--on-duplicate', 'keep-both'],
        again,
      ),
    ).toBe(0)
    expect(again.out.join('')).toMatch(/^取り込み \(imported\)\tcase-/)
    await expect(runImport([dir, 'x', '--on-duplicate', 'merge'], capture())).rejects.toThrow(
      UsageError,
    )
    await expect(runImport([dir], capture())).rejects.toThrow(UsageError)
  })

  it('exports a package, HTML and Markdown, and refuses zero or two targets', async () => {
    const parent = await temp.make()
    const dir = await copySample(parent)
    const zip = join(parent, 'out.zip')
    expect(
      await runExport([dir, '--out', zip, '--ids', 'kenko-point,sogyo-shien'], capture()),
    ).toBe(0)
    const contents = await readPackage(await readFile(zip))
    expect(contents.cases.map((c) => c.id).sort()).toEqual(['kenko-point', 'sogyo-shien'])
    const html = join(parent, 'handout.html')
    expect(await runExport([dir, '--html', html, '--ids', 'kenko-point'], capture())).toBe(0)
    expect(await readFile(html, 'utf8')).toContain('data:image/png;base64,')
    const md = join(parent, 'one.md')
    expect(await runExport([dir, '--markdown', md, '--ids', 'kenko-point'], capture())).toBe(0)
    expect(await readFile(md, 'utf8')).toMatch(/^---\nid: kenko-point\n/)
    const folder = join(parent, 'md')
    expect(await runExport([dir, '--markdown', folder], capture())).toBe(0)
    expect(await readFile(join(folder, 'sogyo-shien.md'), 'utf8')).toMatch(/^---\n/)
    await expect(runExport([dir], capture())).rejects.toThrow(UsageError)
    await expect(runExport([dir, '--out', zip, '--html', html], capture())).rejects.toThrow(
      UsageError,
    )
  })

  it('lists and restores case backups and library.json backups', async () => {
    const parent = await temp.make()
    const dir = await copySample(parent)
    const library = await openLibrary(dir)
    const doc = await library.cases.get('kenko-point')
    await backupBeforeWrite(library, 'kenko-point')
    await library.cases.save({
      id: 'kenko-point',
      meta: { ...inputOf(doc.meta), title: '誤った編集' },
      body: 'x',
      baseRevision: doc.meta.revision,
    })
    const list = capture()
    expect(await runRestore([dir, 'kenko-point', '--list'], list)).toBe(0)
    expect(list.out.join('')).toMatch(/^1\t.+\t版 \(revision\) 1\t/)
    expect(await runRestore([dir, 'kenko-point', '--version', '1'], capture())).toBe(0)
    expect((await library.cases.get('kenko-point')).meta.title).toBe(doc.meta.title)
    expect(
      await runRestore([dir, 'kenko-point', '--version', '9'], capture()).catch(
        (e: Error) => e.message,
      ),
    ).toMatch(/No backup number 9/)

    await backupLibraryConfig(dir)
    await writeFile(join(dir, 'library.json'), '{ damaged')
    const configList = capture()
    expect(await runRestore([dir, 'library.json', '--list'], configList)).toBe(0)
    expect(configList.out).toHaveLength(1)
    expect(await runRestore([dir, 'library.json'], capture())).toBe(0)
    expect((await openLibrary(dir)).config.name).toBe(library.config.name)
  })
})
