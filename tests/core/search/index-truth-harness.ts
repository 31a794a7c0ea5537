import { appendFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from 'vitest'
import type { CaseDoc } from '../../../common/model'
import { readCaseDoc } from '../../../main/core/case-files'
import { caseIdsIn } from '../../../main/core/search/case-signatures'
import { normalizeText } from '../../../main/core/search/normalize'
import { SearchEngine } from '../../../main/core/search/search-engine'
import type { LibrarySession } from '../../../main/library-session'
import { inputOf } from '../../helpers/temp-library'

/**
 * The moves of the index-truth test: the app's own writes through the API and other programs'
 * writes straight to the folder, each leaving a unique marker word that search must find exactly
 * where the files hold it.
 */
export class TruthHarness {
  readonly markers: string[] = []
  private readonly removedByApp: string[] = []
  private serial = 0

  constructor(
    readonly session: LibrarySession,
    readonly root: string,
    private readonly random: () => number,
  ) {}

  private marker(): string {
    // Fixed frame ('zq' + digits + 'x'), so no marker is a substring of another.
    const m = `zq${++this.serial}x`
    this.markers.push(m)
    return m
  }

  private pick<T>(items: T[]): T | undefined {
    return items.length === 0 ? undefined : items[Math.floor(this.random() * items.length)]
  }

  private async liveIds(): Promise<string[]> {
    return caseIdsIn(this.root)
  }

  private caseFolder(id: string): string {
    return join(this.root, 'cases', id)
  }

  private unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
    if (!result.ok) throw new Error(result.error.message)
    return result.value
  }

  async ownSave(id?: string): Promise<string | undefined> {
    id ??= this.pick(await this.liveIds())
    if (!id) return undefined
    const got = await this.session.service['cases.get'](id)
    if (!got.ok) return undefined // damaged by an outside move: nothing to save
    const doc = got.value
    const saved = await this.session.service['cases.save']({
      id,
      meta: inputOf(doc.meta),
      body: `${doc.body}\n${this.marker()}\n`,
      baseRevision: doc.meta.revision,
    })
    return saved.ok ? id : undefined
  }

  async outsideEdit(id?: string): Promise<void> {
    id ??= this.pick(await this.liveIds())
    if (!id) return
    await appendFile(join(this.caseFolder(id), 'case.md'), `\n外部の追記 ${this.marker()}\n`)
  }

  /** The reported bug: saves through the app, then an editor appends to case.md at once. */
  async outsideEditRightAfterOwnSaves(): Promise<void> {
    const id = this.pick(await this.liveIds())
    if (!id) return
    for (let i = 0; i < 3; i++) if (!(await this.ownSave(id))) return
    await this.outsideEdit(id)
  }

  async outsideCreate(): Promise<void> {
    const from = this.pick(await this.liveIds())
    if (!from) return
    const meta = JSON.parse(
      await readFile(join(this.caseFolder(from), 'case.json'), 'utf8'),
    ) as CaseDoc['meta']
    const id = `outside-${this.serial + 1}`
    await mkdir(this.caseFolder(id))
    await writeFile(join(this.caseFolder(id), 'case.md'), `外から来た事例 ${this.marker()}\n`)
    await writeFile(
      join(this.caseFolder(id), 'case.json'),
      JSON.stringify({ ...meta, id, revision: 1 }, null, 2),
    )
  }

  async ownCreate(): Promise<void> {
    this.unwrap(
      await this.session.service['cases.create']({
        meta: { title: `アプリで作成 ${this.marker()}` },
      }),
    )
  }

  async outsideDelete(): Promise<void> {
    const id = this.pick(await this.liveIds())
    if (id) await rm(this.caseFolder(id), { recursive: true, force: true })
  }

  async ownDelete(): Promise<void> {
    const id = this.pick(await this.liveIds())
    if (!id) return
    const removed = await this.session.service['cases.remove'](id)
    if (removed.ok) this.removedByApp.push(id)
  }

  async ownRestore(): Promise<void> {
    const id = this.removedByApp.pop()
    if (id) await this.session.service['cases.restore'](id)
  }

  /** Another program renames a case folder and fixes the id inside, as a rename tool would. */
  async outsideRename(): Promise<void> {
    const id = this.pick(await this.liveIds())
    if (!id) return
    const next = `renamed-${++this.serial}`
    await rename(this.caseFolder(id), this.caseFolder(next))
    const file = join(this.caseFolder(next), 'case.json')
    const meta = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as { id?: string }
    if (meta.id !== undefined) await writeFile(file, JSON.stringify({ ...meta, id: next }, null, 2))
  }

  /** Every kind of move once, in a random order, so each sequence covers them all. */
  async everyMoveShuffled(): Promise<string[]> {
    const moves = this.moves()
    for (let i = moves.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1))
      ;[moves[i], moves[j]] = [moves[j]!, moves[i]!]
    }
    for (const [, move] of moves) await move()
    return moves.map(([name]) => name)
  }

  async randomMove(): Promise<string> {
    const [name, move] = this.pick(this.moves())!
    await move()
    return name
  }

  private moves(): [string, () => Promise<unknown>][] {
    return [
      ['own save', () => this.ownSave()],
      ['outside edit', () => this.outsideEdit()],
      ['outside edit right after own saves', () => this.outsideEditRightAfterOwnSaves()],
      ['outside create', () => this.outsideCreate()],
      ['own create', () => this.ownCreate()],
      ['outside delete', () => this.outsideDelete()],
      ['own delete', () => this.ownDelete()],
      ['own restore', () => this.ownRestore()],
      ['outside rename', () => this.outsideRename()],
    ]
  }

  /**
   * The three answers for every marker: the index through the API, a fresh build from the files,
   * and a substring scan of the files. Phrases, so typo tolerance never adds near-miss markers.
   */
  async answers(): Promise<{ api: string[][]; rebuild: string[][]; scan: string[][] }> {
    const docs: CaseDoc[] = []
    for (const id of await this.liveIds()) {
      const doc = await readCaseDoc(this.caseFolder(id), id).catch(() => null)
      if (doc) docs.push(doc)
    }
    const texts = docs.map((d) => ({
      id: d.meta.id,
      text: normalizeText([d.meta.title, d.meta.summary ?? '', d.body].join('\n')),
    }))
    const fresh = SearchEngine.build(docs, { synonyms: [] })
    const sorted = (ids: readonly string[]) => [...ids].sort()
    const api: string[][] = []
    const rebuild: string[][] = []
    const scan: string[][] = []
    for (const m of [...this.markers, '']) {
      const q = m ? `"${m}"` : ''
      const result = await this.session.service['search.query'](q, { limit: 0 })
      api.push(sorted(this.unwrap(result).ids))
      rebuild.push(sorted(fresh.query(q, { limit: 0 }).ids))
      scan.push(sorted(texts.filter((t) => t.text.includes(m)).map((t) => t.id)))
    }
    return { api, rebuild, scan }
  }

  /** Waits until all three agree; returns how long that took (ms), failing after `limitMs`. */
  async converge(limitMs: number): Promise<number> {
    const started = Date.now()
    for (;;) {
      const { api, rebuild, scan } = await this.answers()
      const same = JSON.stringify(api) === JSON.stringify(rebuild)
      if (same && JSON.stringify(rebuild) === JSON.stringify(scan)) return Date.now() - started
      if (Date.now() - started > limitMs) {
        expect(rebuild, 'a fresh build agrees with the substring scan').toEqual(scan)
        expect(api, 'the live index agrees with the files').toEqual(rebuild)
      }
      await new Promise((r) => setTimeout(r, 100))
    }
  }
}
