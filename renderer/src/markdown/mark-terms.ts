/** Katakana → hiragana, so a search typed in either script highlights both. */
const fold = (text: string) =>
  text.toLowerCase().replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))

/**
 * Wraps occurrences of the terms in the rendered body in <mark>, by walking text nodes (never by
 * editing HTML, which would undo the sanitiser's work). Case- and kana-insensitive.
 */
export function markTerms(root: HTMLElement, terms: string[]): void {
  const needles = terms.map((t) => fold(t.normalize('NFKC'))).filter((t) => t.length > 0)
  if (needles.length === 0) return
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  const nodes: Text[] = []
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text)
  for (const node of nodes) {
    const text = node.data
    const folded = fold(text)
    const ranges: [number, number][] = []
    for (const needle of needles) {
      for (
        let at = folded.indexOf(needle);
        at >= 0;
        at = folded.indexOf(needle, at + needle.length)
      ) {
        ranges.push([at, at + needle.length])
      }
    }
    if (ranges.length === 0) continue
    ranges.sort((a, b) => a[0] - b[0])
    const fragment = document.createDocumentFragment()
    let last = 0
    for (const [start, end] of ranges) {
      if (start < last) continue
      fragment.append(text.slice(last, start))
      const mark = document.createElement('mark')
      mark.textContent = text.slice(start, end)
      fragment.append(mark)
      last = end
    }
    fragment.append(text.slice(last))
    node.replaceWith(fragment)
  }
}
