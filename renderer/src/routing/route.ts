import { isValidId } from '../../../common/id-pattern'
import { PARTNER_TYPE_KEY_PATTERN } from '../../../common/id-pattern'

/** The screens, one hash route each (identical in the desktop app and the web host). */
export type Route =
  | { name: 'list' }
  | { name: 'case'; id: string }
  | { name: 'edit'; id: string }
  | { name: 'new' }
  | { name: 'trash' }
  | { name: 'settings' }
  | { name: 'search'; query: string }
  | { name: 'decks' }
  | { name: 'deck'; id: string }
  | { name: 'learn' }
  | { name: 'guide'; key: string }
  /** 「協働とは」: the four elements of 協働 (issue #16). */
  | { name: 'kyodo' }
  | { name: 'path'; id: string }
  | { name: 'exchange' }
  | { name: 'conflicts' }
  | { name: 'unknown'; hash: string }

/** Parses `#/case/<id>` and friends; anything unrecognised is `unknown`, never a crash. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/'
  const queryAt = path.indexOf('?')
  const pathname = queryAt < 0 ? path : path.slice(0, queryAt)
  const search = queryAt < 0 ? '' : path.slice(queryAt + 1)
  const parts = pathname.split('/').filter(Boolean).map(safeDecode)
  const [first, second, third] = parts
  if (parts.length === 0) return { name: 'list' }
  if (first === 'case' && second && isValidId(second)) {
    if (parts.length === 2) return { name: 'case', id: second }
    if (third === 'edit' && parts.length === 3) return { name: 'edit', id: second }
  }
  if (first === 'new' && parts.length === 1) return { name: 'new' }
  if (first === 'trash' && parts.length === 1) return { name: 'trash' }
  if (first === 'settings' && parts.length === 1) return { name: 'settings' }
  if (first === 'exchange' && parts.length === 1) return { name: 'exchange' }
  if (first === 'conflicts' && parts.length === 1) return { name: 'conflicts' }
  if (first === 'decks' && parts.length === 1) return { name: 'decks' }
  if (first === 'decks' && second && isValidId(second) && parts.length === 2)
    return { name: 'deck', id: second }
  if (first === 'learn' && parts.length === 1) return { name: 'learn' }
  if (first === 'learn' && second === 'kyodo' && parts.length === 2) return { name: 'kyodo' }
  if (
    first === 'learn' &&
    second === 'type' &&
    third &&
    PARTNER_TYPE_KEY_PATTERN.test(third) &&
    parts.length === 3
  ) {
    return { name: 'guide', key: third }
  }
  if (first === 'paths' && second && isValidId(second) && parts.length === 2)
    return { name: 'path', id: second }
  if (first === 'search' && parts.length === 1) {
    return { name: 'search', query: new URLSearchParams(search).get('q') ?? '' }
  }
  return { name: 'unknown', hash }
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'list':
      return '#/'
    case 'case':
      return `#/case/${route.id}`
    case 'edit':
      return `#/case/${route.id}/edit`
    case 'new':
      return '#/new'
    case 'trash':
      return '#/trash'
    case 'settings':
      return '#/settings'
    case 'search':
      return `#/search?q=${encodeURIComponent(route.query)}`
    case 'exchange':
      return '#/exchange'
    case 'conflicts':
      return '#/conflicts'
    case 'decks':
      return '#/decks'
    case 'deck':
      return `#/decks/${route.id}`
    case 'learn':
      return '#/learn'
    case 'guide':
      return `#/learn/type/${route.key}`
    case 'kyodo':
      return '#/learn/kyodo'
    case 'path':
      return `#/paths/${route.id}`
    case 'unknown':
      return route.hash
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}
