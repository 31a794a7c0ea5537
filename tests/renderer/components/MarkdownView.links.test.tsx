import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MarkdownView } from '../../../renderer/src/components/MarkdownView'
import { I18nProvider } from '../../../renderer/src/i18n/i18n'

const BODY = [
  '[成果へ](#成果と効果) [どこへも](#) [一覧へ](#/search?q=x)',
  '',
  '## 背景・課題',
  '',
  'text',
  '',
  '## 成果と効果',
  '',
  'results',
].join('\n')

function view() {
  return render(
    <I18nProvider initial="ja">
      <MarkdownView markdown={BODY} caseId="c1" label="body" />
    </I18nProvider>,
  )
}

describe('links inside a case body', () => {
  const scrolled: Element[] = []
  beforeEach(() => {
    window.location.hash = '#/case/c1'
    Element.prototype.scrollIntoView = vi.fn(function (this: Element) {
      scrolled.push(this)
    })
  })
  afterEach(() => {
    scrolled.length = 0
    cleanup()
  })

  it('a heading link scrolls to the heading and keeps the case route', () => {
    view()
    const clicked = fireEvent.click(screen.getByText('成果へ'))
    expect(clicked).toBe(false) // default prevented: the hash never changes
    expect(window.location.hash).toBe('#/case/c1')
    expect(scrolled.map((e) => e.textContent)).toEqual(['成果と効果'])
  })

  it('a bare # does nothing', () => {
    view()
    expect(fireEvent.click(screen.getByText('どこへも'))).toBe(false)
    expect(window.location.hash).toBe('#/case/c1')
    expect(scrolled).toEqual([])
  })

  it('a #/ link is an app route and is left to the browser', () => {
    view()
    expect(fireEvent.click(screen.getByText('一覧へ'))).toBe(true)
  })
})
