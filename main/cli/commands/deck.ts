import { access } from 'node:fs/promises'
import { constants } from 'node:fs'
import { dirname, relative, resolve, sep } from 'node:path'
import { writeFileAtomic } from '../../core/atomic-write'
import { buildDeckOutline } from '../../core/decks/deck-outline'
import { exportDeckHtml } from '../../core/decks/deck-html'
import { DeckStore } from '../../core/decks/deck-store'
import { exportMarp } from '../../core/decks/export-marp'
import { exportPptx } from '../../core/decks/export-pptx'
import { findChromium, printHtmlToPdf } from '../../core/decks/print-pdf'
import { KbError, bilingual } from '../../core/errors'
import { openLibrary } from '../../core/library'
import { UsageError, parseArgs, type Output } from '../cli-args'
import { errorMessage } from '../../../common/error-message'

/**
 * `deck <dir> <deck-id> --pptx <out> | --marp <out> | --pdf <out> [--per-page 1|2] [--no-notes]
 * [--no-contacts]`: exports a deck (`--no-contacts` leaves contact persons' names out of the notes). Several targets may be given at once; each is written whole or not at all.
 * Missing cases are reported on stderr but do not fail the export (their slides say so).
 */
export async function runDeck(
  argv: string[],
  out: Output,
  deps: { findChromium?: () => Promise<string | undefined> } = {},
): Promise<number> {
  const args = parseArgs(argv, {
    positional: ['dir', 'deck-id'],
    options: ['pptx', 'marp', 'pdf', 'per-page'],
    flags: ['no-notes', 'no-contacts'],
  })
  const targets = (['pptx', 'marp', 'pdf'] as const).filter((t) => args.options.has(t))
  if (targets.length === 0)
    throw new UsageError(
      '--pptx、--marp、--pdf のどれかを指定してください (give --pptx, --marp or --pdf)',
    )
  const perPage = args.options.get('per-page') ?? '1'
  if (perPage !== '1' && perPage !== '2')
    throw new UsageError('--per-page は 1 か 2 です (--per-page is 1 or 2)')

  const library = await openLibrary(args.positional[0]!)
  const deck = await new DeckStore(library.root).get(args.positional[1]!)
  const outline = await buildDeckOutline(library, deck, {
    contacts: !args.flags.has('no-contacts'),
  })
  for (const m of outline.missing)
    out.stderr(
      `注意 (warning): ${m.index + 1} 番目の事例 ${m.caseId} が見つかりません (case not found)\n`,
    )

  for (const target of targets) {
    const path = resolve(args.options.get(target)!)
    await assertWritable(path)
    if (target === 'pptx') {
      let last = -1
      const data = await exportPptx(outline, library, (done, total) => {
        const percent = Math.floor((done / total) * 10) * 10
        if (percent !== last) out.stderr(`PowerPoint ${done}/${total}\n`)
        last = percent
      })
      await write(path, data)
    } else if (target === 'marp') {
      const base = dirname(path)
      const md = exportMarp(outline, {
        photoUrl: (p) =>
          relative(base, resolve(library.root, 'cases', p.caseId, 'attachments', p.name))
            .split(sep)
            .map(encodeURIComponent)
            .join('/'),
      })
      await write(path, md)
    } else {
      const chromium = await (deps.findChromium ?? findChromium)()
      if (!chromium) {
        out.stderr(
          `${bilingual(
            'PDFの作成には Chromium が必要です。apt-get install chromium でインストールするか、環境変数 CHROMIUM_PATH にパスを指定してください',
            'PDF export needs Chromium: install it (apt-get install chromium) or set CHROMIUM_PATH',
          )}\n`,
        )
        return 1
      }
      const html = await exportDeckHtml(outline, library, {
        perPage: perPage === '2' ? 2 : 1,
        notes: !args.flags.has('no-notes'),
      })
      await printHtmlToPdf(html, path, chromium)
    }
    out.stdout(`${path}\n`)
  }
  out.stderr(`${outline.slides.length} 枚のスライド (slides)\n`)
  return 0
}

async function assertWritable(path: string): Promise<void> {
  try {
    await access(dirname(path), constants.W_OK)
  } catch {
    throw cannotWrite(
      path,
      'フォルダがないか、書き込みできません / the folder is missing or read-only',
    )
  }
}

async function write(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(path, data)
  } catch (error) {
    throw cannotWrite(path, errorMessage(error))
  }
}

function cannotWrite(path: string, reason: string): KbError {
  return new KbError(
    'io',
    bilingual(`書き出せません: ${path}（${reason}）`, `Cannot write ${path}`),
  )
}
