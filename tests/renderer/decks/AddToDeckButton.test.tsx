import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Deck } from '../../../common/decks/deck-schema'
import { AddToDeckButton } from '../../../renderer/src/decks/AddToDeckButton'
import { I18nProvider } from '../../../renderer/src/i18n/i18n'
import { createApiMock, fail, installDialogPolyfill, ok } from './api-mock'
import { NotifyContext } from '../../../renderer/src/hooks/notify'

const mock = vi.hoisted(() => ({ current: null as unknown as ReturnType<typeof createApiMock> }))
vi.mock('../../../renderer/src/api', async () => {
  const { createApiMock } = await import('./api-mock')
  mock.current = createApiMock()
  return { api: mock.current.api }
})

const EXISTING: Deck = {
  schema: 1,
  id: 'shinnin',
  title: '新任職員研修',
  items: [
    { kind: 'case', caseId: 'akiya', sections: ['summary'] },
    { kind: 'text', title: 'まとめ', body: '' },
  ],
}

beforeAll(installDialogPolyfill)
beforeEach(() => {
  mock.current.reset()
  mock.current.answer('decks.list', () =>
    ok({ decks: [{ id: 'shinnin', title: '新任職員研修', itemCount: 2, caseCount: 1 }] }),
  )
  mock.current.answer('decks.get', () => ok(structuredClone(EXISTING)))
  mock.current.answer('decks.save', (deck: Deck) => ok(deck))
})
afterEach(cleanup)

function renderButton(caseIds: string[]) {
  const notify = vi.fn()
  render(
    <I18nProvider initial="ja">
      <NotifyContext.Provider value={notify}>
        <AddToDeckButton caseIds={caseIds} />
      </NotifyContext.Provider>
    </I18nProvider>,
  )
  return notify
}

const openDialog = async () => {
  fireEvent.click(screen.getByRole('button', { name: 'スライドに追加' }))
  return screen.findByRole('dialog', { name: 'スライドに追加' })
}

describe('AddToDeckButton', () => {
  it('opens a dialog listing the decks and a form for a new one', async () => {
    renderButton(['kasen'])
    const dialog = await openDialog()
    expect(
      await within(dialog).findByRole('button', { name: '「新任職員研修」に追加（事例 1 件）' }),
    ).toBeTruthy()
    expect(within(dialog).getByRole('button', { name: '新しいスライドを作成' })).toBeTruthy()
    expect(within(dialog).getByLabelText('新しいスライドのタイトル')).toBeTruthy()
  })

  it('appends only the cases the deck lacks (following the deck’s preset), saves, and offers to open the deck by its title', async () => {
    const notify = renderButton(['akiya', 'kasen', 'kasen'])
    const dialog = await openDialog()
    fireEvent.click(await within(dialog).findByRole('button', { name: /新任職員研修/ }))
    await waitFor(() => expect(mock.current.calls('decks.save')).toHaveLength(1))
    const saved = mock.current.calls('decks.save')[0]![0] as Deck
    expect(saved.items).toEqual([...EXISTING.items, { kind: 'case', caseId: 'kasen' }])
    expect(notify).toHaveBeenCalledWith('「新任職員研修」に 1 件追加しました', {
      label: '「新任職員研修」を開く',
      run: expect.any(Function),
    })
    expect(notify.mock.calls[0]![0]).not.toContain('#/')
    notify.mock.calls[0]![1].run()
    expect(window.location.hash).toBe('#/decks/shinnin')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })

  it('does not save when every case is already in the deck', async () => {
    const notify = renderButton(['akiya'])
    const dialog = await openDialog()
    fireEvent.click(await within(dialog).findByRole('button', { name: /新任職員研修/ }))
    await waitFor(() => expect(notify).toHaveBeenCalled())
    expect(notify.mock.calls[0]![0]).toContain('すでに入っています')
    expect(mock.current.calls('decks.save')).toEqual([])
  })

  it('creates a new deck holding the cases in one write; a title is required', async () => {
    mock.current.answer('decks.create', (input: Omit<Deck, 'schema' | 'id'>) =>
      ok({ schema: 1, id: 'deck-new', ...input }),
    )
    const notify = renderButton(['kasen', 'akiya'])
    const dialog = await openDialog()
    fireEvent.click(within(dialog).getByRole('button', { name: '新しいスライドを作成' }))
    expect(within(dialog).getByRole('alert').textContent).toBe('タイトルを入力してください')
    expect(mock.current.calls('decks.create')).toEqual([])

    fireEvent.change(within(dialog).getByLabelText('新しいスライドのタイトル'), {
      target: { value: '防災研修' },
    })
    fireEvent.click(within(dialog).getByRole('button', { name: '新しいスライドを作成' }))
    await waitFor(() => expect(notify).toHaveBeenCalled())
    expect(mock.current.calls('decks.create')).toEqual([
      [
        {
          title: '防災研修',
          items: [
            { kind: 'case', caseId: 'kasen' },
            { kind: 'case', caseId: 'akiya' },
          ],
        },
      ],
    ])
    expect(notify.mock.calls[0]![1].label).toBe('「防災研修」を開く')
  })

  it('keeps the dialog open with the reason when saving fails', async () => {
    mock.current.answer('decks.save', () => fail('io', '書き込めません'))
    renderButton(['kasen'])
    const dialog = await openDialog()
    fireEvent.click(await within(dialog).findByRole('button', { name: /新任職員研修/ }))
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'スライドに追加できませんでした：書き込めません',
    )
  })

  it('is reached and operated with the keyboard: Escape closes the dialog', async () => {
    renderButton(['kasen'])
    const button = screen.getByRole('button', { name: 'スライドに追加' })
    expect(button.getAttribute('aria-haspopup')).toBe('dialog')
    const dialog = await openDialog()
    fireEvent(dialog, new Event('cancel', { cancelable: true }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })
})
