import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

const FILE = join('.git', 'kb-id-code')
const CODE = /^[a-z0-9]{3}$/

/**
 * A short code per working copy (each office's or person's clone), put into the ids of new
 * cases, so that two offices creating cases on the same day can never pick the same id. Kept
 * in .git: it belongs to this clone, not to the shared library.
 */
export async function readIdCode(root: string): Promise<string | undefined> {
  const code = await readFile(join(root, FILE), 'utf8').then(
    (text) => text.trim(),
    () => '',
  )
  return CODE.test(code) ? code : undefined
}

/** Gives a working copy its code, once (an existing code is kept). */
export async function ensureIdCode(
  root: string,
  random: () => number = Math.random,
): Promise<string> {
  const existing = await readIdCode(root)
  if (existing) return existing
  let code = ''
  for (let i = 0; i < 3; i++)
    code += 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(random() * 36)]
  await writeFile(join(root, FILE), `${code}\n`)
  return code
}
