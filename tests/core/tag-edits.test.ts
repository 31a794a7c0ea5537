import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { nodeWriteSteps, type WriteSteps } from '../../main/core/atomic-write'
import { openLibrary } from '../../main/core/library'
import { listSavedSearches, removeSavedSearch, saveSearch } from '../../main/core/saved-searches'
import { applyTagEdit, applyToTags, previewTagEdit } from '../../main/core/tag-edits'
import { copySample, useTempFolders } from '../helpers/temp-library'

const temp = useTempFolders()

/** Every case's tags, by id (sorted by id, so saves that reorder the list do not matter). */
async function tagsOnDisk(dir: string): Promise<Record<string, string[]>> {
  const library = await openLibrary(dir)
  const { cases } = await library.cases.list()
  return Object.fromEntries(
    cases.map((c) => [c.id, c.tags ?? []]).sort(([a], [b]) => String(a).localeCompare(String(b))),
  )
}

describe('tag edits across the library', () => {
  it('keeps order and drops duplicates when a tag becomes one already present', () => {
    expect(
      applyToTags(['防災', '地域', '自治会'], { kind: 'rename', from: '自治会', to: '地域' }),
    ).toEqual(['防災', '地域'])
    expect(applyToTags(['a', 'b', 'c'], { kind: 'merge', from: ['a', 'c'], to: 'x' })).toEqual([
      'x',
      'b',
    ])
    expect(applyToTags(['a', 'b'], { kind: 'delete', tag: 'a' })).toEqual(['b'])
  })

  it('previews how many cases a rename changes, then renames in every one of them', async () => {
    const dir = await copySample(await temp.make())
    const library = await openLibrary(dir)
    const before = await tagsOnDisk(dir)
    const withTag = Object.entries(before)
      .filter(([, tags]) => tags.includes('防災'))
      .map(([id]) => id)
    expect(withTag.length).toBeGreaterThan(0)
    const preview = await previewTagEdit(library.cases, {
      kind: 'rename',
      from: '防災',
      to: '防災・減災',
    })
    expect(preview.ids.sort()).toEqual(withTag.sort())
    const result = await applyTagEdit(library.cases, {
      kind: 'rename',
      from: '防災',
      to: '防災・減災',
    })
    expect(result.changed.sort()).toEqual(withTag.sort())
    const after = await tagsOnDisk(dir)
    for (const [id, tags] of Object.entries(after)) {
      expect(tags).not.toContain('防災')
      if (withTag.includes(id)) expect(tags).toContain('防災・減災')
      else expect(tags).toEqual(before[id])
    }
  })

  it('merges several tags into one and deletes a tag everywhere', async () => {
    const dir = await copySample(await temp.make())
    const library = await openLibrary(dir)
    await applyTagEdit(library.cases, { kind: 'merge', from: ['大学連携', '企業連携'], to: '連携' })
    await applyTagEdit(library.cases, { kind: 'delete', tag: '若者' })
    const all = Object.values(await tagsOnDisk(dir)).flat()
    expect(all).toContain('連携')
    expect(all).not.toContain('大学連携')
    expect(all).not.toContain('企業連携')
    expect(all).not.toContain('若者')
  })

  it('puts every case back when a save fails midway, so nothing is half-renamed', async () => {
    const dir = await copySample(await temp.make())
    let metaWrites = 0
    // Let the first case's case.json be written, then fail the second (backups and bodies pass).
    const steps: WriteSteps = {
      ...nodeWriteSteps,
      async rename(from, to) {
        if (/cases[/\\][^/\\]+[/\\]case\.json$/.test(to) && ++metaWrites === 2) {
          throw Object.assign(new Error('disk full'), { code: 'ENOSPC' })
        }
        return nodeWriteSteps.rename(from, to)
      },
    }
    const before = await tagsOnDisk(dir)
    const library = await openLibrary(dir, { writeSteps: steps })
    await expect(
      applyTagEdit(library.cases, { kind: 'rename', from: '防災', to: '防災・減災' }),
    ).rejects.toThrow()
    expect(await tagsOnDisk(dir)).toEqual(before)
  })
})

describe('saved searches in library.json', () => {
  it('saves, lists (replacing a search of the same name) and removes, keeping other settings', async () => {
    const dir = await copySample(await temp.make())
    const library = await openLibrary(dir)
    const first = await saveSearch(library.settings, { name: '防災×NPO', query: '防災 type:npo' })
    await saveSearch(library.settings, { name: '防災×NPO', query: '防災 type:npo year:R5' })
    const reopened = await openLibrary(dir)
    const list = listSavedSearches(reopened.settings)
    expect(list).toHaveLength(1)
    expect(list[0]!.query).toBe('防災 type:npo year:R5')
    await removeSavedSearch(reopened.settings, list[0]!.id)
    expect(listSavedSearches(reopened.settings)).toEqual([])
    expect(first.id).toMatch(/^s-/)
    const json = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')) as {
      partnerTypes: unknown[]
    }
    expect(json.partnerTypes.length).toBe(6)
  })
})
