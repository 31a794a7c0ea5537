import { describe, expect, it } from 'vitest'
import { markGlossary } from '../../../renderer/src/markdown/mark-glossary'
import { renderMarkdown } from '../../../renderer/src/markdown/render-markdown'

const GLOSSARY = [
  { term: '共催', reading: 'きょうさい', definition: '市と団体が共同で主催すること' },
  { term: '指定管理者', definition: '公の施設の管理を任される団体' },
]

function body(markdown: string): HTMLDivElement {
  const root = document.createElement('div')
  root.innerHTML = renderMarkdown(markdown, () => '')
  markGlossary(root, GLOSSARY, 'g')
  return root
}

describe('glossary tooltips in case text', () => {
  it('marks the first occurrence of each term per section, with its reading and definition', () => {
    const root = body(
      '## 背景・課題\n\n共催で始め、共催を続けた。指定管理者も。\n\n## 役割分担\n\n- 共催の事務は市\n',
    )
    const terms = [...root.querySelectorAll('.glossary-term')]
    expect(terms.map((t) => t.firstChild?.textContent)).toEqual(['共催', '指定管理者', '共催'])
    const first = terms[0]!
    expect(first.getAttribute('tabindex')).toBe('0')
    const tip = root.querySelector(`#${first.getAttribute('aria-describedby')}`)!
    expect(tip.getAttribute('role')).toBe('tooltip')
    expect(tip.textContent).toBe('きょうさい市と団体が共同で主催すること')
    // The visible text is unchanged apart from the tooltips.
    const paragraph = root.querySelector('p')!.cloneNode(true) as HTMLElement
    paragraph.querySelectorAll('.glossary-tip').forEach((t) => t.remove())
    expect(paragraph.textContent).toBe('共催で始め、共催を続けた。指定管理者も。')
  })

  it('leaves headings, links and code alone and changes nothing when run again', () => {
    const root = body('## 共催のこと\n\n[共催の案内](https://example.jp) と `共催` のあと共催。')
    expect(root.querySelector('h2 .glossary-term')).toBeNull()
    expect(root.querySelector('a .glossary-term')).toBeNull()
    expect(root.querySelector('code .glossary-term')).toBeNull()
    expect(root.querySelectorAll('.glossary-term')).toHaveLength(1)
    const html = root.innerHTML
    markGlossary(root, GLOSSARY, 'g2')
    expect(root.innerHTML).toBe(html)
  })
})
