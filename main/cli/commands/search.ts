import { createInterface } from 'node:readline'
import { resolvePartnerTypeLabels } from '../../core/search/filter-labels'
import type { PartnerType, SearchHit, TextSegment } from '../../../common/model'
import { openLibrary } from '../../core/library'
import { indexFolderFor } from '../../core/search/index-location'
import { loadLibraryIndex } from '../../core/search/library-index'
import { appDataFolder } from '../../core/user-paths'
import type { SearchEngine } from '../../core/search/search-engine'
import { UsageError, parseArgs, type Output } from '../cli-args'

export const SEARCH_USAGE =
  '  search <dir> <query> [--json] [--limit n]  事例を検索 (search cases; query syntax: see main/core/search/query-parser.ts)\n' +
  '  search <dir> --stdin [--limit n]          1行1クエリを読み、1行1JSONで答える (one query per line in, one JSON line out)'

const DEFAULT_LIMIT = 10

/**
 * `search <dir> <query> [--json] [--limit n]` and `search <dir> --stdin [--limit n]`. The second
 * opens the library and its index once and answers every line of stdin, for scripts and for
 * measuring: one `{query, total, ms, hits}` JSON line per query.
 */
export async function runSearch(
  argv: string[],
  out: Output,
  input: NodeJS.ReadableStream = process.stdin,
): Promise<number> {
  const stdin = argv.includes('--stdin')
  // parseArgs wants an exact count of positionals, and the two forms differ by one.
  const args = parseArgs(argv, {
    positional: stdin ? ['dir'] : ['dir', 'query'],
    flags: ['json', 'stdin'],
    options: ['limit'],
  })
  const limit = Number(args.options.get('limit') ?? DEFAULT_LIMIT)
  if (!Number.isInteger(limit) || limit < 0) {
    throw new UsageError('--limit は0以上の整数です (--limit must be a whole number ≥ 0)')
  }
  const library = await openLibrary(args.positional[0]!)
  // The same per-user index as the desktop app and the web host (KB_APP_DATA overrides it).
  const { engine } = await loadLibraryIndex(library.root, {
    indexDir: indexFolderFor(appDataFolder(), library.root),
    synonyms: library.config.synonyms,
  })
  try {
    return await answerAll(args, engine, library.config.partnerTypes, limit, out, stdin, input)
  } finally {
    engine.close()
  }
}

async function answerAll(
  args: ReturnType<typeof parseArgs>,
  engine: SearchEngine,
  types: PartnerType[],
  limit: number,
  out: Output,
  stdin: boolean,
  input: NodeJS.ReadableStream,
): Promise<number> {
  if (stdin) {
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      if (!line.trim()) continue
      out.stdout(`${JSON.stringify(answer(engine, line, limit, types))}\n`)
    }
    return 0
  }
  const query = args.positional[1]!
  const result = answer(engine, query, limit, types)
  if (args.flags.has('json')) {
    out.stdout(`${JSON.stringify(result, null, 2)}\n`)
    return 0
  }
  result.hits.forEach((hit, i) => out.stdout(describe(hit, i + 1)))
  out.stderr(`${result.total} 件 (cases), ${result.ms} ms\n`)
  return 0
}

function answer(engine: SearchEngine, query: string, limit: number, types: PartnerType[]) {
  const result = engine.query(resolvePartnerTypeLabels(query, types), { limit })
  return {
    query,
    total: result.total,
    ms: result.ms,
    hits: result.hits.map((h) => ({
      id: h.id,
      title: h.title,
      score: h.score,
      snippets: h.snippets,
    })),
  }
}

function describe(
  hit: Pick<SearchHit, 'id' | 'title' | 'score' | 'snippets'>,
  rank: number,
): string {
  const snippet = hit.snippets[0]
  const lines = [`${rank}. ${hit.title}  [${hit.id}]  score ${hit.score}`]
  if (snippet) lines.push(`   ${marked(snippet).replace(/\s*\n\s*/g, ' ')}`)
  return `${lines.join('\n')}\n`
}

/** Matches in 【】, the way Japanese documents mark emphasis in plain text. */
function marked(segments: TextSegment[]): string {
  return segments.map((s) => (s.match ? `【${s.text}】` : s.text)).join('')
}
