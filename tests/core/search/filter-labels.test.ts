import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { runSearch } from '../../../main/cli/commands/search'
import { resolvePartnerTypeLabels } from '../../../main/core/search/filter-labels'
import { copySample, useTempFolders } from '../../helpers/temp-library'

const TYPES = [
  { key: 'community', ja: '地域・自治会', en: 'Community associations', color: '#000' },
  { key: 'npo', ja: 'NPO・市民活動', en: 'NPOs and citizen groups', color: '#000' },
  { key: 'academia', ja: '大学・学生', en: 'Universities and students', color: '#000' },
]
const temp = useTempFolders()

describe('type: filters take the labels people see', () => {
  it('maps a Japanese or English label (or part of one) to the key', () => {
    expect(resolvePartnerTypeLabels('防災 type:大学', TYPES)).toBe('防災 type:academia')
    expect(resolvePartnerTypeLabels('種別:「大学・学生」', TYPES)).toBe('type:academia')
    expect(resolvePartnerTypeLabels('partner:ｎｐｏ', TYPES)).toBe('type:npo')
    expect(resolvePartnerTypeLabels('-type:Universities', TYPES)).toBe('-type:academia')
  })

  it('leaves keys, other fields and unknown labels alone', () => {
    for (const query of ['type:npo', 'tag:大学', 'type:銀行', '大学', 'form:共催'])
      expect(resolvePartnerTypeLabels(query, TYPES)).toBe(query)
  })

  it('finds with type:大学 what type:academia finds in the sample library', async () => {
    const dir = await copySample(await temp.make())
    const ids = async (query: string) => {
      let stdout = ''
      const input = new PassThrough()
      input.end('')
      await runSearch(
        [dir, query, '--json'],
        { stdout: (t) => void (stdout += t), stderr: () => {} },
        input,
      )
      return (JSON.parse(stdout) as { hits: { id: string }[] }).hits.map((h) => h.id)
    }
    const byKey = await ids('type:academia')
    expect(byKey.length).toBeGreaterThan(0)
    expect(await ids('type:大学')).toEqual(byKey)
  })
})
