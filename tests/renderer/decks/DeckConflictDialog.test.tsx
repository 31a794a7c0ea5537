import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Deck, DeckItem } from '../../../common/decks/deck-schema'
import { DeckConflictDialog } from '../../../renderer/src/decks/DeckConflictDialog'
import { I18nProvider, type Language } from '../../../renderer/src/i18n/i18n'
import { installDialogPolyfill } from './api-mock'

beforeAll(installDialogPolyfill)
afterEach(cleanup)

const TITLES: Record<string, string> = { 'kasen-seiso': '河川清掃', akiya: '空き家相談' }

const MINE: Deck = {
  schema: 1,
  id: 'shinnin',
  title: '新任職員研修（自分）',
  items: [
    { kind: 'case', caseId: 'kasen-seiso' },
    { kind: 'text', title: '自分のまとめ', body: '' },
  ],
}
const THEIRS: Deck = {
  schema: 1,
  id: 'shinnin',
  title: '新任職員研修（相手）',
  subtitle: '相手が付けた副題',
  items: [{ kind: 'case', caseId: 'akiya' }],
}

function renderDialog(language: Language = 'ja') {
  const callbacks = {
    onReload: vi.fn(),
    onOverwrite: vi.fn(),
    onKeepCopy: vi.fn(),
    onCancel: vi.fn(),
  }
  const labelOf = (item: DeckItem) =>
    item.kind === 'case' ? (TITLES[item.caseId] ?? item.caseId) : item.title
  render(
    <I18nProvider initial={language}>
      <DeckConflictDialog
        mine={MINE}
        theirs={THEIRS}
        labelOf={labelOf}
        copyTitle="新任職員研修（自分）（コピー）"
        {...callbacks}
      />
    </I18nProvider>,
  )
  return callbacks
}

describe('DeckConflictDialog', () => {
  it('opens as a modal dialog titled with what happened and says the edit is not saved yet', () => {
    renderDialog()
    const dialog = screen.getByRole('dialog', { name: 'このスライドは他の人が変更しています' })
    expect((dialog as HTMLDialogElement).open).toBe(true)
    expect(within(dialog).getByText(/あなたの編集はまだ保存されていません/)).toBeTruthy()
  })

  it('shows my deck and the saved deck side by side: title, item count and each item by name', () => {
    renderDialog()
    const mine = screen.getByRole('region', { name: 'あなたの編集' })
    expect(within(mine).getByText('新任職員研修（自分）')).toBeTruthy()
    expect(within(mine).getByText('2 項目')).toBeTruthy()
    expect(
      within(mine)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['河川清掃', '自分のまとめ'])
    const theirs = screen.getByRole('region', { name: '保存済みの内容' })
    expect(within(theirs).getByText('新任職員研修（相手）')).toBeTruthy()
    expect(within(theirs).getByText('相手が付けた副題')).toBeTruthy()
    expect(
      within(theirs)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['空き家相談'])
  })

  it('says on the reload button that unsaved changes are lost, and names the copy on the keep-both button', () => {
    renderDialog()
    expect(screen.getByRole('button', { name: /^保存済みの内容を読み込む/ }).textContent).toContain(
      '未保存の編集は失われます',
    )
    expect(screen.getByRole('button', { name: /^両方残す/ }).textContent).toContain(
      '「新任職員研修（自分）（コピー）」',
    )
  })

  const choices = [
    [/^保存済みの内容を読み込む/, 'onReload'],
    [/^両方残す/, 'onKeepCopy'],
    [/^自分の編集で上書きする/, 'onOverwrite'],
    [/^編集に戻る$/, 'onCancel'],
  ] as const

  it.each(choices)('the button %s calls %s exactly once and nothing else', (name, callback) => {
    const callbacks = renderDialog()
    fireEvent.click(screen.getByRole('button', { name }))
    for (const [key, fn] of Object.entries(callbacks)) {
      expect(fn, key).toHaveBeenCalledTimes(key === callback ? 1 : 0)
    }
  })

  it('treats Escape (the dialog’s cancel event) and the close button as going back to editing', () => {
    const callbacks = renderDialog()
    const cancel = new Event('cancel', { cancelable: true })
    screen.getByRole('dialog').dispatchEvent(cancel)
    expect(cancel.defaultPrevented).toBe(true)
    fireEvent.click(screen.getByRole('button', { name: '閉じる' }))
    expect(callbacks.onCancel).toHaveBeenCalledTimes(2)
    expect(callbacks.onOverwrite).not.toHaveBeenCalled()
    expect(callbacks.onReload).not.toHaveBeenCalled()
  })

  it('offers every choice as a real button, in the order reload, keep both, overwrite, back', () => {
    renderDialog()
    const actions = [...document.querySelectorAll('.dialog-actions button')]
    expect(actions.map((b) => b.tagName)).toEqual(['BUTTON', 'BUTTON', 'BUTTON', 'BUTTON'])
    expect(actions.map((b) => b.textContent?.slice(0, 4))).toEqual([
      '保存済み',
      '両方残す',
      '自分の編',
      '編集に戻',
    ])
  })

  it('returns focus to where it was when it closes', () => {
    const save = document.createElement('button')
    document.body.append(save)
    save.focus()
    renderDialog()
    screen.getByRole('button', { name: /^編集に戻る$/ }).focus()
    cleanup()
    expect(document.activeElement).toBe(save)
    save.remove()
  })

  it('speaks English when the UI does', () => {
    renderDialog('en')
    expect(screen.getByRole('dialog', { name: 'Someone else changed this deck' })).toBeTruthy()
    expect(
      screen.getByRole('button', {
        name: 'Load the saved version (your unsaved changes are lost)',
      }),
    ).toBeTruthy()
    expect(screen.getByRole('region', { name: 'Saved version' })).toBeTruthy()
  })
})
