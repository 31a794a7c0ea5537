/**
 * `npm run deck:look`: the manual check of how exported slides really look. Builds the
 * trainer's 5-case deck (学生との協働, 標準) and a 協働の4要素 deck from a temp copy of the
 * sample library, exports them to PowerPoint, converts them with LibreOffice
 * (`soffice --headless --convert-to pdf`) and renders every slide to PNG with pdftoppm, into
 * test-artifacts/deck-look/. Needs `apt-get install libreoffice-impress poppler-utils`; it is
 * not part of `npm test` (the PPTX itself is checked by tests/core/decks without LibreOffice).
 */
import { execFile } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Deck } from '../../common/decks/deck-schema'
import { buildDeckOutline } from '../../main/core/decks/deck-outline'
import { exportPptx } from '../../main/core/decks/export-pptx'
import { openLibrary } from '../../main/core/library'

const run = promisify(execFile)
const PROJECT = join(import.meta.dirname, '..', '..')
const OUT = join(PROJECT, 'test-artifacts', 'deck-look')
const STUDENT_CASES = [
  'shotengai-akitenpo-gakusei',
  'gakushu-shien-gakusei',
  'kenko-point',
  'wakamono-kaigi',
  'akiya-taisaku-kyotei',
]

const decks: Deck[] = [
  {
    schema: 1,
    id: 'gakusei',
    title: '学生との協働 ― 5つの事例に学ぶ',
    subtitle: '新任職員研修「協働の基礎」',
    author: '市民協働課',
    date: '2026年4月',
    preset: 'standard',
    items: [
      ...STUDENT_CASES.map((caseId) => ({ kind: 'case' as const, caseId })),
      {
        kind: 'text',
        title: 'グループワーク',
        body: '- 自分の課の事業で、学生と組めるものは？\n- 出口（学生が抜けるとき）をどう決めるか',
      },
    ],
  },
  {
    schema: 1,
    id: 'yon-yoso',
    title: '協働の4要素で振り返る',
    items: [
      {
        kind: 'case',
        caseId: 'wakamono-kaigi',
        sections: ['summary', 'collaboration', 'outcomes', 'photos'],
      },
    ],
  },
]

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'kb-deck-look-'))
  try {
    const root = join(work, 'library')
    await cp(join(PROJECT, 'data'), root, { recursive: true })
    // The 4要素 as issue #16 records them, on one case of the copy.
    const file = join(root, 'cases', 'wakamono-kaigi', 'case.json')
    const meta = JSON.parse(await readFile(file, 'utf8'))
    meta.collaboration = {
      ownership: { score: 5, note: '高校生が議題を自分たちで決めた' },
      problem: { score: 4, note: '通学路の危険箇所を自分たちで調べた' },
      goal: { score: 3, note: '提案の実現までは共有できなかった' },
      action: { score: 4 },
      note: '次年度も継続し、提案への回答を議会で報告する',
    }
    await writeFile(file, JSON.stringify(meta, null, 2))
    const library = await openLibrary(root)
    await rm(OUT, { recursive: true, force: true })
    await mkdir(OUT, { recursive: true })
    for (const deck of decks) {
      const outline = await buildDeckOutline(library, deck)
      const pptx = join(OUT, `${deck.id}.pptx`)
      await writeFile(pptx, await exportPptx(outline, library))
      await run('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', OUT, pptx], {
        timeout: 300_000,
        env: { ...process.env, HOME: work },
      })
      await run('pdftoppm', ['-r', '60', '-png', join(OUT, `${deck.id}.pdf`), join(OUT, deck.id)])
      const pngs = (await readdir(OUT)).filter(
        (n) => n.startsWith(`${deck.id}-`) && n.endsWith('.png'),
      )
      console.log(`${deck.id}: ${outline.slides.length} slides → ${pngs.length} PNG in ${OUT}`)
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  console.error(
    'LibreOffice (soffice) and pdftoppm are needed: apt-get install libreoffice-impress poppler-utils',
  )
  process.exit(1)
})
