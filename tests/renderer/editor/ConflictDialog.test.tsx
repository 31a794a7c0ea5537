import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ConflictDialog } from '../../../renderer/src/editor/ConflictDialog'
import { I18nProvider } from '../../../renderer/src/i18n/i18n'
import { caseMeta } from '../fixtures'

// jsdom has <dialog> but not its modal API; stand in for it so the dialog opens as in Chromium.
const { showModal, close } = HTMLDialogElement.prototype
beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    this.removeAttribute('open')
  }
})
afterAll(() => {
  HTMLDialogElement.prototype.showModal = showModal
  HTMLDialogElement.prototype.close = close
})
afterEach(cleanup)

function renderDialog() {
  const callbacks = {
    onReload: vi.fn(),
    onOverwrite: vi.fn(),
    onKeepCopy: vi.fn(),
    onCancel: vi.fn(),
  }
  const theirs = {
    meta: caseMeta({ title: '保存済みのタイトル', revision: 7 }),
    body: '## 背景・課題\n\n他の人が書いた本文',
  }
  render(
    <I18nProvider initial="ja">
      <ConflictDialog
        mine={{ title: '自分のタイトル', body: '## 背景・課題\n\n自分の本文' }}
        theirs={theirs}
        {...callbacks}
      />
    </I18nProvider>,
  )
  return callbacks
}

describe('ConflictDialog', () => {
  it('opens as a modal dialog titled with what happened', () => {
    renderDialog()
    const dialog = screen.getByRole('dialog', { name: '他の人がこの事例を先に保存しました' })
    expect((dialog as HTMLDialogElement).open).toBe(true)
  })

  it('shows my title and body', () => {
    renderDialog()
    const mine = screen.getByRole('region', { name: 'あなたの編集' })
    expect(within(mine).getByText('自分のタイトル')).toBeTruthy()
    expect(within(mine).getByText(/自分の本文/)).toBeTruthy()
    expect(within(mine).queryByText(/他の人が書いた本文/)).toBeNull()
  })

  it('shows the saved title and body under a heading with its revision', () => {
    renderDialog()
    const theirs = screen.getByRole('region', { name: '保存済みの内容（版 7）' })
    expect(within(theirs).getByRole('heading').textContent).toBe('保存済みの内容（版 7）')
    expect(within(theirs).getByText('保存済みのタイトル')).toBeTruthy()
    expect(within(theirs).getByText(/他の人が書いた本文/)).toBeTruthy()
  })

  const choices = [
    [/^保存済みの内容を読み込む/, 'onReload'],
    [/^自分の編集で上書きする$/, 'onOverwrite'],
    [/^自分の編集を別の事例として保存$/, 'onKeepCopy'],
    [/^編集に戻る$/, 'onCancel'],
  ] as const

  it.each(choices)('the button %s calls %s exactly once and nothing else', (name, callback) => {
    const callbacks = renderDialog()
    fireEvent.click(screen.getByRole('button', { name }))
    for (const [key, fn] of Object.entries(callbacks)) {
      expect(fn, key).toHaveBeenCalledTimes(key === callback ? 1 : 0)
    }
  })

  it('treats Escape (the dialog’s cancel event) as going back to editing', () => {
    const callbacks = renderDialog()
    const dialog = screen.getByRole('dialog')
    const cancel = new Event('cancel', { cancelable: true })
    dialog.dispatchEvent(cancel)
    expect(callbacks.onCancel).toHaveBeenCalledTimes(1)
    expect(cancel.defaultPrevented).toBe(true)
    expect(callbacks.onReload).not.toHaveBeenCalled()
    expect(callbacks.onOverwrite).not.toHaveBeenCalled()
  })

  it('treats the close button as going back to editing', () => {
    const callbacks = renderDialog()
    fireEvent.click(screen.getByRole('button', { name: '閉じる' }))
    expect(callbacks.onCancel).toHaveBeenCalledTimes(1)
    expect(callbacks.onOverwrite).not.toHaveBeenCalled()
  })

  it('closes the native dialog when it unmounts', () => {
    renderDialog()
    const dialog = screen.getByRole('dialog') as HTMLDialogElement
    cleanup()
    expect(dialog.open).toBe(false)
  })
})
