import type { MouseEvent as ReactMouseEvent } from 'react'

/**
 * Links inside a case body that point into the page. The app routes on the URL hash (`#/case/…`),
 * so a body link such as `[成果へ](#成果と効果)` or a bare `href="#"` would otherwise replace the
 * route and the case would vanish. Only `#/…` links are app routes; `#` alone does nothing, and
 * any other `#anchor` scrolls to the matching heading inside the body.
 */

/** What a click on a body link should do. */
export type InPageLinkAction =
  { kind: 'route' } | { kind: 'none' } | { kind: 'scroll'; target: Element } | { kind: 'external' }

export function inPageLinkAction(root: Element, href: string | null): InPageLinkAction {
  if (href === null || !href.startsWith('#')) return { kind: 'external' }
  if (href.startsWith('#/')) return { kind: 'route' }
  const anchor = decodeAnchor(href.slice(1))
  if (!anchor) return { kind: 'none' }
  const target = findAnchorTarget(root, anchor)
  return target ? { kind: 'scroll', target } : { kind: 'none' }
}

function decodeAnchor(raw: string): string {
  try {
    return decodeURIComponent(raw).trim()
  } catch {
    return raw.trim()
  }
}

/**
 * The element an anchor names: an element whose id is the anchor (DOMPurify prefixes ids with
 * `user-content-`), else a heading whose text, written as a GitHub-style slug, is the anchor.
 */
export function findAnchorTarget(root: Element, anchor: string): Element | null {
  const wanted = slug(anchor)
  for (const element of root.querySelectorAll('[id]')) {
    const id = element.id.replace(/^user-content-/, '')
    if (id === anchor || slug(id) === wanted) return element
  }
  for (const heading of root.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    if (slug(heading.textContent ?? '') === wanted) return heading
  }
  return null
}

/** GitHub's heading slug, roughly: lower case, spaces to hyphens, punctuation dropped. */
function slug(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/[!-,./:-@[-^`{-~、。・「」『』（）]/g, '')
}

/** Click handler for a rendered body: handles in-page anchors, leaves everything else alone. */
export function handleBodyLinkClick(event: MouseEvent | ReactMouseEvent, root: Element): void {
  const link = (event.target as Element | null)?.closest?.('a')
  if (!link || !root.contains(link)) return
  const action = inPageLinkAction(root, link.getAttribute('href'))
  if (action.kind === 'none' || action.kind === 'scroll') event.preventDefault()
  if (action.kind === 'scroll') {
    action.target.scrollIntoView?.({ block: 'start' })
    if (action.target instanceof HTMLElement) {
      // Focus follows the jump for keyboard and screen-reader users.
      if (!action.target.hasAttribute('tabindex')) action.target.setAttribute('tabindex', '-1')
      action.target.focus({ preventScroll: true })
    }
  }
}
