import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Copies the folder `from` into `to` (created as needed), never overwriting a file that is
 * already there (`wx`).
 *
 * Why not `fs.promises.cp`: in the packaged app the sample library lives inside `app.asar`, and
 * Electron makes an archive readable only through the fs functions it patches (readdir, stat,
 * readFile…). `cp` walks the tree through Node's internals, which bypass those patches, so the
 * first start of an installed app could fail to seed its library. This walk uses nothing else.
 */
export async function copyTree(from: string, to: string): Promise<number> {
  await mkdir(to, { recursive: true })
  let copied = 0
  for (const name of await readdir(from)) {
    const source = join(from, name)
    const target = join(to, name)
    if ((await stat(source)).isDirectory()) copied += await copyTree(source, target)
    else {
      await writeFile(target, await readFile(source), { flag: 'wx' })
      copied += 1
    }
  }
  return copied
}
