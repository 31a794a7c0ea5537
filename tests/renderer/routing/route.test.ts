// @vitest-environment node
// Pure logic: no DOM needed, and skipping jsdom keeps the suite quick.
import { describe, expect, it } from 'vitest'
import { hrefOf, parseRoute, type Route } from '../../../renderer/src/routing/route'

describe('parseRoute / hrefOf', () => {
  const routes: [string, Route][] = [
    ['#/', { name: 'list' }],
    ['#/case/akiya-taisaku-kyotei', { name: 'case', id: 'akiya-taisaku-kyotei' }],
    ['#/case/akiya-taisaku-kyotei/edit', { name: 'edit', id: 'akiya-taisaku-kyotei' }],
    ['#/new', { name: 'new' }],
    ['#/trash', { name: 'trash' }],
    ['#/settings', { name: 'settings' }],
    ['#/search?q=npo', { name: 'search', query: 'npo' }],
    ['#/learn/kyodo', { name: 'kyodo' }],
  ]

  it.each(routes)('%s parses and links back to itself', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route)
    expect(hrefOf(route)).toBe(hash)
  })

  it.each(['防災 子育て', 'a&q=b', '100%', '#/trash', 'what?', '＋＝ ＆', ''])(
    'a search for %j round-trips through the hash',
    (query) => {
      expect(parseRoute(hrefOf({ name: 'search', query }))).toEqual({ name: 'search', query })
    },
  )

  it('treats an empty hash as the list', () => {
    expect(parseRoute('')).toEqual({ name: 'list' })
    expect(parseRoute('#')).toEqual({ name: 'list' })
  })

  it('reads a search without q as an empty search', () => {
    expect(parseRoute('#/search')).toEqual({ name: 'search', query: '' })
  })

  it('accepts a percent-encoded valid id', () => {
    expect(parseRoute('#/case/%61bc')).toEqual({ name: 'case', id: 'abc' })
  })

  it('accepts the longest valid id (64 characters)', () => {
    const id = 'a'.repeat(64)
    expect(parseRoute(`#/case/${id}`)).toEqual({ name: 'case', id })
  })

  it.each([
    '#/case/ABC',
    '#/case/Akiya',
    '#/case/..',
    '#/case/%2e%2e',
    '#/case/%2E%2E/edit',
    '#/case/a%2Fb',
    '#/case/-leading-dash',
    '#/case/con',
    '#/case/nul/edit',
    `#/case/${'a'.repeat(65)}`,
    '#/case/',
    '#/case/abc/delete',
    '#/case/abc/edit/more',
    '#/new/extra',
    '#/settings/x',
    '#/nothing-here',
  ])('%s is unknown, not a case', (hash) => {
    expect(parseRoute(hash)).toEqual({ name: 'unknown', hash })
  })

  it.each(['#/case/%E0%A4%A', '#/case/%', '#/%zz/edit', '#/search?q=%E0%A4%A'])(
    'malformed percent-encoding in %s does not throw',
    (hash) => {
      expect(() => parseRoute(hash)).not.toThrow()
      expect(parseRoute(hash).name).not.toBe('case')
    },
  )

  it('links an unknown route back to the hash it came from', () => {
    expect(hrefOf(parseRoute('#/nothing-here'))).toBe('#/nothing-here')
  })

  it('a literal "?" typed inside the search query is kept', () => {
    // parseRoute splits the hash on every "?" and keeps only the first two parts.
    expect(parseRoute('#/search?q=what?')).toEqual({ name: 'search', query: 'what?' })
  })
})
