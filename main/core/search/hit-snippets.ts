import type { SearchHit } from '../../../common/model'
import { FoldCheckpoints } from './fold-checkpoints'
import { BODY, SUMMARY, TITLE, type SearchDocument } from './search-document'
import { OPENING_CHARS, highlightAll, opening, passages, type TextPrefix } from './snippets'
import type { StoredBodies } from './stored-bodies'

const MAX_SNIPPETS = 3

/**
 * The highlighted title and snippets of the hits a query shows: the summary first, then the body,
 * read from the index file only for hits that match in it and only as far as their passages
 * (see `passages`). Keeps, per body, where its snippet lookups may start (FoldCheckpoints): a
 * replaced document takes its own with it, as they are held weakly by the document.
 */
export class HitSnippets {
  private readonly checkpoints = new WeakMap<SearchDocument, FoldCheckpoints>()

  /** `bodies`: the original bodies of the documents read from an index file (`stored` ≥ 0). */
  constructor(private readonly bodies: StoredBodies | null) {}

  hit(doc: SearchDocument, score: number, highlight: string[]): SearchHit {
    let snippets = passages(doc.summary, doc.fields[SUMMARY]!, highlight, 1)
    const body: TextPrefix = (chars) => {
      if (doc.stored < 0 || !this.bodies) return { text: doc.body, complete: true }
      const text = this.bodies.read(doc.stored, chars)
      return { text, complete: text.length >= this.bodies.length(doc.stored) }
    }
    // The body only when the summary neither matched enough nor can stand in for it.
    if (snippets.length < MAX_SNIPPETS && (highlight.length > 0 || !doc.summary)) {
      let checkpoints = this.checkpoints.get(doc)
      if (!checkpoints) this.checkpoints.set(doc, (checkpoints = new FoldCheckpoints()))
      const more = passages(
        body,
        doc.fields[BODY]!,
        highlight,
        MAX_SNIPPETS - snippets.length,
        checkpoints,
      )
      snippets = snippets.concat(more)
    }
    if (snippets.length === 0) snippets = opening(doc.summary || body(OPENING_CHARS).text)
    return {
      id: doc.id,
      title: doc.title,
      score: Math.round(score * 1000) / 1000,
      titleSegments: highlightAll(doc.title, doc.fields[TITLE]!, highlight),
      snippets,
    }
  }

  /** Releases the index file the bodies are read from. */
  close(): void {
    this.bodies?.close()
  }
}
