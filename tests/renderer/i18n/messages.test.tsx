import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { en } from '../../../renderer/src/i18n/en'
import { I18nProvider, useI18n } from '../../../renderer/src/i18n/i18n'
import { ja, type MessageKey } from '../../../renderer/src/i18n/ja'

afterEach(() => {
  cleanup()
  localStorage.clear()
})

const placeholders = (message: string) =>
  [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
const keys = Object.keys(ja) as MessageKey[]

describe('translation files', () => {
  it('has an English message for every Japanese key, and no extra keys', () => {
    expect(Object.keys(en).sort()).toEqual([...keys].sort())
  })

  it.each(keys)('%s has a non-empty message in both languages', (key) => {
    expect(ja[key].trim()).not.toBe('')
    expect(en[key].trim()).not.toBe('')
  })

  it.each(keys)('%s uses the same placeholders in ja and en', (key) => {
    expect(placeholders(en[key])).toEqual(placeholders(ja[key]))
  })
})

function Probe() {
  const { t, language, setLanguage } = useI18n()
  return (
    <>
      <p data-testid="message">{t('conflict.theirs', { n: 3 })}</p>
      <p data-testid="missing">{t('list.count')}</p>
      <button type="button" onClick={() => setLanguage(language === 'ja' ? 'en' : 'ja')}>
        switch
      </button>
    </>
  )
}

describe('I18nProvider', () => {
  it('fills placeholders and leaves unfilled ones visible', () => {
    render(
      <I18nProvider initial="ja">
        <Probe />
      </I18nProvider>,
    )
    expect(screen.getByTestId('message').textContent).toBe('保存済みの内容（版 3）')
    expect(screen.getByTestId('missing').textContent).toBe('{n} 件')
    expect(document.documentElement.lang).toBe('ja')
  })

  it('switches language, sets <html lang> and remembers the choice', () => {
    render(
      <I18nProvider initial="ja">
        <Probe />
      </I18nProvider>,
    )
    fireEvent.click(screen.getByRole('button', { name: 'switch' }))
    expect(screen.getByTestId('message').textContent).toBe(
      en['conflict.theirs'].replace('{n}', '3'),
    )
    expect(document.documentElement.lang).toBe('en')
    expect(localStorage.getItem('kb.language')).toBe('en')
  })

  it('starts in Japanese unless English was chosen before', () => {
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    )
    expect(document.documentElement.lang).toBe('ja')
    cleanup()
    localStorage.setItem('kb.language', 'en')
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    )
    expect(document.documentElement.lang).toBe('en')
  })

  it('refuses to translate outside the provider', () => {
    const Orphan = () => <p>{useI18n().t('app.title')}</p>
    // React logs the thrown error; the assertion is that it throws, not what it prints.
    const error = console.error
    console.error = () => {}
    try {
      expect(() => render(<Orphan />)).toThrow('useI18n outside I18nProvider')
    } finally {
      console.error = error
    }
  })
})
