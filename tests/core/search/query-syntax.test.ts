import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { composeQuery, type SearchFilter } from '../../../common/search/query-syntax'
import { normalizeText } from '../../../main/core/search/normalize'
import { parseQuery } from '../../../main/core/search/query-parser'

/** The filters a query parses to, as [field, value] pairs in order. */
function parsedFilters(query: string): [string, string][] {
  return parseQuery(query).clauses.flatMap((clause) =>
    clause.atoms.flatMap((atom) => (atom.kind === 'filter' ? [[atom.field, atom.value]] : [])),
  ) as [string, string][]
}

describe('composeQuery', () => {
  it('writes the filters of a bar, a cell or the sidebar in the search syntax', () => {
    expect(composeQuery({ partnerType: 'npo' })).toBe('type:npo')
    expect(
      composeQuery({ partnerType: 'npo', form: '共催', year: 2023, department: '子ども未来課' }),
    ).toBe('type:npo form:共催 year:2023 dept:子ども未来課')
    expect(composeQuery({ text: ' 防災 ', tag: '防災', status: 'draft' })).toBe(
      '防災 tag:防災 status:draft',
    )
    expect(composeQuery({})).toBe('')
  })

  it('quotes values with spaces (also full-width) or quote marks so they stay one filter', () => {
    expect(composeQuery({ department: '教育委員会 生涯学習課' })).toBe(
      'dept:"教育委員会 生涯学習課"',
    )
    expect(composeQuery({ department: '教育委員会\u3000文化財課' })).toBe(
      'dept:"教育委員会\u3000文化財課"',
    )
    // The parser has no escapes: a value holding " is wrapped in 「」 instead.
    expect(composeQuery({ department: '企画課"A" 係' })).toBe('dept:「企画課"A" 係」')
    expect(parsedFilters(composeQuery({ department: '企画課"A" 係' }))).toEqual([
      ['dept', normalizeText('企画課"A" 係')],
    ])
  })

  it('parses back to exactly the filters it was built from, for any values', () => {
    const value = fc.string({
      unit: fc.constantFrom(...'ab 防災課\u3000"「」“”『』:-ＡＯＲ|－＂'.split(''), 'OR', 'tag:'),
      maxLength: 12,
    })
    const filter = fc.record(
      {
        partnerType: value,
        tag: value,
        department: value,
        area: value,
        form: value,
        status: value,
        year: fc.integer({ min: 1990, max: 2100 }),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(filter, (f: SearchFilter) => {
        const closings = ['"', '」', '”', '』']
        const values = [f.partnerType, f.form, f.tag, f.department, f.area, f.status]
        // Only a value holding every closing mark at once cannot be written whole.
        fc.pre(!values.some((v) => v && closings.every((c) => v.normalize('NFKC').includes(c))))
        const expected: [string, string][] = []
        const add = (field: string, raw: string | undefined) => {
          const normalised = raw === undefined ? '' : normalizeText(raw).trim()
          if (raw && normalised) expected.push([field, normalised])
        }
        add('type', f.partnerType)
        add('form', f.form)
        add('tag', f.tag)
        add('year', f.year === undefined ? undefined : String(f.year))
        add('dept', f.department)
        add('area', f.area)
        add('status', f.status)
        expect(parsedFilters(composeQuery(f))).toEqual(expected)
      }),
      { numRuns: 2000 },
    )
  })
})
