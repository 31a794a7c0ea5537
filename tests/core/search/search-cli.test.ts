import { PassThrough } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runSearch } from '../../../main/cli/commands/search'
import { UsageError } from '../../../main/cli/cli-args'
import { copySample, useTempFolders } from '../../helpers/temp-library'

const temp = useTempFolders()

// The CLI keeps its index in the user's app data: point that at a temp folder, never at ~/.config.
let savedAppData: string | undefined
beforeEach(async () => {
  savedAppData = process.env.KB_APP_DATA
  process.env.KB_APP_DATA = await temp.make('kb-appdata-')
})
afterEach(() => {
  if (savedAppData === undefined) delete process.env.KB_APP_DATA
  else process.env.KB_APP_DATA = savedAppData
})

async function search(argv: string[], stdinLines?: string[]) {
  let stdout = ''
  let stderr = ''
  const input = new PassThrough()
  input.end(stdinLines ? `${stdinLines.join('\n')}\n` : '')
  const code = await runSearch(
    argv,
    { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) },
    input,
  )
  return { code, stdout, stderr }
}

describe('kb search', () => {
  it('prints rank, title, id, score and a snippet with matches in 【】', async () => {
    const dir = await copySample(await temp.make())
    const result = await search([dir, '空き家', '--limit', '2'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^1\. .+ {2}\[[a-z0-9-]+\] {2}score [\d.]+\n {3}.*【空き家】/)
    expect(result.stderr).toMatch(/件/)
  })

  it('--json prints {query, total, ms, hits: [{id, title, score, snippets}]}', async () => {
    const dir = await copySample(await temp.make())
    const result = await search([dir, '協働', '--json', '--limit', '3'])
    const json = JSON.parse(result.stdout) as { query: string; total: number; hits: object[] }
    expect(json.query).toBe('協働')
    expect(json.total).toBeGreaterThan(3)
    expect(json.hits).toHaveLength(3)
    expect(Object.keys(json.hits[0]!).sort()).toEqual(['id', 'score', 'snippets', 'title'])
  })

  it('--stdin answers one JSON line per query line', async () => {
    const dir = await copySample(await temp.make())
    const result = await search([dir, '--stdin', '--limit', '1'], ['防災', '', 'type:npo'])
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { query: string; hits: unknown[] })
    expect(lines.map((l) => l.query)).toEqual(['防災', 'type:npo'])
    expect(lines.every((l) => l.hits.length === 1)).toBe(true)
  })

  it('refuses a missing query or a bad --limit as usage errors', async () => {
    const dir = await copySample(await temp.make())
    await expect(search([dir])).rejects.toBeInstanceOf(UsageError)
    await expect(search([dir, 'x', '--limit', 'many'])).rejects.toBeInstanceOf(UsageError)
  })
})
