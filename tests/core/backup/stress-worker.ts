/**
 * One of the two processes of the stress test (two-process-stress.test.ts): hammers a library with
 * case saves that retry on conflict and with locked library.json updates, then prints what it
 * committed as JSON. Run as `node --import tsx stress-worker.ts <dir> <name> <ops> <id,id,…>`.
 * Plain Node: no vitest imports here.
 */
import type { CaseMeta, CaseMetaInput } from '../../../common/model'
import { KbError } from '../../../main/core/errors'
import { openLibrary } from '../../../main/core/library'

const [dir, name, opsText, idsText] = process.argv.slice(2)
const ops = Number(opsText)
const ids = idsText!.split(',')
const OWNED = new Set(['schema', 'id', 'createdAt', 'updatedAt', 'revision', 'fiscalYear'])

function inputOf(meta: CaseMeta): CaseMetaInput {
  return Object.fromEntries(
    Object.entries(meta).filter(([key]) => !OWNED.has(key)),
  ) as unknown as CaseMetaInput
}

const library = await openLibrary(dir!)
const committed: { saves: { id: string; tag: string }[]; config: string[]; conflicts: number } = {
  saves: [],
  config: [],
  conflicts: 0,
}
for (let i = 0; i < ops; i++) {
  const tag = `${name}-${i}`
  if (i % 2 === 0) {
    const id = ids[(i / 2) % ids.length]!
    for (;;) {
      const doc = await library.cases.get(id)
      try {
        await library.cases.save({
          id,
          meta: { ...inputOf(doc.meta), tags: [...(doc.meta.tags ?? []), tag] },
          body: `${doc.body}${tag}\n`,
          baseRevision: doc.meta.revision,
        })
        committed.saves.push({ id, tag })
        break
      } catch (error) {
        if (!(error instanceof KbError) || error.code !== 'conflict') throw error
        committed.conflicts++
      }
    }
  } else {
    await library.settings.update((config) => {
      const extra = config as typeof config & { stressLog?: string[]; stressCounter?: number }
      return {
        ...config,
        stressLog: [...(extra.stressLog ?? []), tag],
        stressCounter: (extra.stressCounter ?? 0) + 1,
      }
    })
    committed.config.push(tag)
  }
}
process.stdout.write(JSON.stringify(committed))
