import { fileURLToPath } from 'node:url'
import { openLibrary, seedSampleLibrary } from '../../core/library'
import { parseArgs, type Output } from '../cli-args'

const SAMPLE_DIR = fileURLToPath(new URL('../../../data', import.meta.url))

/** `init <dir> [--sample] [--name <name>]`: a new library, empty or with the sample cases. */
export async function runInit(argv: string[], out: Output): Promise<number> {
  const args = parseArgs(argv, { positional: ['dir'], flags: ['sample'], options: ['name'] })
  const dir = args.positional[0]!
  if (args.flags.has('sample')) await seedSampleLibrary(SAMPLE_DIR, dir)
  const library = await openLibrary(dir, { create: true, name: args.options.get('name') })
  const info = await library.info()
  out.stdout(
    `ライブラリを用意しました (library ready): ${info.path}\n事例数 (cases): ${info.caseCount}\n`,
  )
  return 0
}
