/**
 * Libraries of real Japanese text: cases of ≈3,000 characters cut from the manual pages
 * (real-text.ts), with the metadata of the synthetic cases (partner types, 年度, tags…) so that
 * filters and facet counts have something to count. The corpus holds ≈3.8 million characters of
 * prose, so at 10,000 cases each paragraph appears in about eight cases, in different company.
 */
import { BODY_SECTIONS, type CaseDoc } from '../../common/model'
import type { ManPage } from './real-text'
import { seededRandom, syntheticCase } from './synthetic-library'

const CASE_CHARS = 3_000
const PARAGRAPHS_PER_SECTION = 3

export function realTextCases(pages: ManPage[], count: number, seed = 42): CaseDoc[] {
  const random = seededRandom(seed)
  const pick = () => pages[Math.floor(random() * pages.length)]!
  return Array.from({ length: count }, (_, i) => {
    const { meta } = syntheticCase(i + 1)
    const first = pick()
    const paragraphs: string[] = []
    let page = first
    let at = Math.floor(random() * page.paragraphs.length)
    let length = 0
    // Consecutive paragraphs of one page, then of another, until the case is long enough.
    while (length < CASE_CHARS) {
      if (at >= page.paragraphs.length) {
        page = pick()
        at = 0
      }
      const p = page.paragraphs[at++]!
      paragraphs.push(p)
      length += p.length
    }
    const sections: string[] = []
    for (let s = 0; s * PARAGRAPHS_PER_SECTION < paragraphs.length; s++) {
      const heading = BODY_SECTIONS[s % BODY_SECTIONS.length]!
      const part = paragraphs.slice(s * PARAGRAPHS_PER_SECTION, (s + 1) * PARAGRAPHS_PER_SECTION)
      sections.push(`## ${heading}\n\n${part.join('\n\n')}\n`)
    }
    const lead = first.paragraphs[0]!
    return {
      meta: {
        ...meta,
        title: `${lead.slice(0, 60)} 第${i + 1}号`,
        summary: paragraphs[0]!.slice(0, 120),
      },
      body: sections.join('\n'),
    }
  })
}
