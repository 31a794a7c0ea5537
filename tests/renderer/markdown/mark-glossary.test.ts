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
    expect(terms.map((t) => t.textContent)).toEqual(['共催', '指定管理者', '共催'])
    const first = terms[0] as HTMLElement
    expect(first.getAttribute('tabindex')).toBe('0')
    expect(first.dataset.tip).toBe('きょうさい\n市と団体が共同で主催すること')
    const description = root.querySelector(`#${first.getAttribute('aria-describedby')}`)!
    expect(description.textContent).toBe('きょうさい 市と団体が共同で主催すること')
    expect(description.closest('[hidden]')).not.toBeNull()
    // The text of the paragraph is exactly what was written: no definition inside it.
    expect(root.querySelector('p')!.textContent).toBe('共催で始め、共催を続けた。指定管理者も。')
  })

  it('leaves headings, links and code alone and changes nothing when run again', () => {
    const root = body('## 共催のこと\n\n[共催の案内](https://example.jp) と `共催` のあと共催。')
    expect(root.querySelector('h2 .glossary-term')).toBeNull()
    expect(root.querySelector('a .glossary-term')).toBeNull()
    expect(root.querySelector('code .glossary-term')).toBeNull()
    expect(root.querySelectorAll('.glossary-term')).toHaveLength(1)
    expect(root.querySelectorAll('.glossary-descriptions')).toHaveLength(1)
    const html = root.innerHTML
    markGlossary(root, GLOSSARY, 'g2')
    expect(root.innerHTML).toBe(html)
  })
})
