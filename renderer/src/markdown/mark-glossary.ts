import { findGlossaryTerms, type GlossaryEntry } from '../../../common/learn/glossary'

// Text inside these is left alone: a link or a button must stay one target, code is literal,
// and a heading names the section rather than using the term.
const SKIP = 'a, button, code, pre, h1, h2, h3, h4, h5, h6, .glossary-term, .glossary-descriptions'
const HEADING = /^H[1-6]$/

/**
 * Marks glossary terms in a rendered case body so they show their reading and definition on
 * hover and on focus, like GlossaryText does in the metadata: the first occurrence of each term
 * in each section (a heading starts a new one), so a long body is not underlined throughout.
 * The definition is drawn by CSS from `data-tip` and described to screen readers through a
 * hidden list at the end of the body, so the text of every paragraph stays exactly as written.
 * Works on text nodes of the sanitised DOM, never on HTML strings; running it again changes
 * nothing (marked terms are skipped). The tooltip ids start with `idPrefix` to stay unique.
 */
export function markGlossary(root: HTMLElement, glossary: GlossaryEntry[], idPrefix: string): void {
  if (glossary.length === 0) return
  let seen = new Set<string>()
  let counter = 0
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT)
  const texts: { node: Text; seen: Set<string> }[] = []
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof HTMLElement) {
      if (HEADING.test(node.tagName)) seen = new Set()
      continue
    }
    const parent = node.parentElement
    if (parent && !parent.closest(SKIP)) texts.push({ node: node as Text, seen })
  }
  for (const { node, seen: inSection } of texts) {
    const text = node.data
    const matches = findGlossaryTerms(text, glossary).filter((m) => {
      if (inSection.has(m.term)) return false
      inSection.add(m.term)
      return true
    })
    if (matches.length === 0) continue
    const fragment = document.createDocumentFragment()
    let at = 0
    for (const match of matches) {
      fragment.append(text.slice(at, match.start))
      const id = `${idPrefix}-${counter++}`
      fragment.append(termElement(match.term, match.entry, id))
      const description = document.createElement('span')
      description.id = id
      description.textContent = [match.entry.reading, match.entry.definition]
        .filter(Boolean)
        .join(' ')
      descriptions(root).append(description)
      at = match.end
    }
    fragment.append(text.slice(at))
    node.replaceWith(fragment)
  }
}

function termElement(term: string, entry: GlossaryEntry, id: string): HTMLElement {
  const span = document.createElement('span')
  span.className = 'glossary-term in-text'
  span.tabIndex = 0
  span.setAttribute('aria-describedby', id)
  span.textContent = term
  // Shown by CSS (::after), so the definition never becomes part of the sentence's text:
  // copying a paragraph, searching the page or reading it aloud gives the case as written.
  span.dataset.tip = entry.reading ? `${entry.reading}\n${entry.definition}` : entry.definition
  return span
}

/** The definitions screen readers announce for the marked terms, out of the text flow. */
function descriptions(root: HTMLElement): HTMLElement {
  let box = root.querySelector<HTMLElement>(':scope > .glossary-descriptions')
  if (!box) {
    box = document.createElement('div')
    box.className = 'glossary-descriptions'
    box.hidden = true
    root.append(box)
  }
  return box
}
