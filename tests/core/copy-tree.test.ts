import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { copyTree } from '../../main/core/copy-tree'

// The sample library is copied out of app.asar on first start with copyTree (readdir, stat,
// readFile, writeFile only: the calls Electron's asar support patches; fs.cp is not one).

let temp: string
beforeEach(async () => {
  temp = await mkdtemp(join(tmpdir(), 'kb-copy-tree-'))
})
afterEach(async () => {
  await rm(temp, { recursive: true, force: true })
})

describe('copyTree', () => {
  it('copies nested folders and files byte for byte, Japanese names included', async () => {
    const from = join(temp, 'from')
    await mkdir(join(from, 'cases', 'a', 'attachments'), { recursive: true })
    await writeFile(join(from, 'library.json'), '{"name":"協働"}')
    await writeFile(join(from, 'cases', 'a', 'attachments', '写真.png'), Buffer.from([0, 255, 7]))
    expect(await copyTree(from, join(temp, 'to'))).toBe(2)
    expect(await readFile(join(temp, 'to', 'library.json'), 'utf8')).toBe('{"name":"協働"}')
    expect([
      ...(await readFile(join(temp, 'to', 'cases', 'a', 'attachments', '写真.png'))),
    ]).toEqual([0, 255, 7])
  })

  it('never overwrites a file that is already there', async () => {
    const from = join(temp, 'from')
    const to = join(temp, 'to')
    await mkdir(from)
    await mkdir(to)
    await writeFile(join(from, 'library.json'), 'sample')
    await writeFile(join(to, 'library.json'), 'mine')
    await expect(copyTree(from, to)).rejects.toMatchObject({ code: 'EEXIST' })
    expect(await readFile(join(to, 'library.json'), 'utf8')).toBe('mine')
    expect(await readdir(to)).toEqual(['library.json'])
  })
})
