import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { DecksPage } from '../../../renderer/src/decks/DecksPage'
import { I18nProvider } from '../../../renderer/src/i18n/i18n'
import { createApiMock, installDialogPolyfill, ok } from './api-mock'
import { NotifyContext } from '../../../renderer/src/hooks/notify'

const mock = vi.hoisted(() => ({ current: null as unknown as ReturnType<typeof createApiMock> }))
vi.mock('../../../renderer/src/api', async () => {
  const { createApiMock } = await import('./api-mock')
  mock.current = createApiMock()
  return { api: mock.current.api }
})

const DECKS = [
  {
    id: 'shinnin-2025',
    title: '新任職員研修',
    subtitle: '協働のすすめ',
    date: '2025年4月',
    itemCount: 5,
    caseCount: 4,
  },
  { id: 'kanri', title: '管理職研修', itemCount: 0, caseCount: 0 },
]

beforeAll(installDialogPolyfill)
beforeEach(() => {
  mock.current.reset()
  window.location.hash = '#/decks'
})
afterEach(cleanup)

function renderPage() {
  const notify = vi.fn()
  render(
    <I18nProvider initial="ja">
      <NotifyContext.Provider value={notify}>
        <DecksPage />
      </NotifyContext.Provider>
    </I18nProvider>,
  )
  return notify
}

describe('DecksPage', () => {
  it('lists every deck with its title, subtitle, date and counts, linking to its builder', async () => {
    mock.current.answer('decks.list', () => ok({ decks: DECKS }))
    renderPage()
    const list = await screen.findByRole('list', { name: 'スライドの一覧' })
    const link = within(list).getByRole('link', { name: '新任職員研修' })
    expect(link.getAttribute('href')).toBe('#/decks/shinnin-2025')
    expect(within(list).getByText('協働のすすめ')).toBeTruthy()
    expect(within(list).getByText('2025年4月・事例 4 件・全 5 項目')).toBeTruthy()
    expect(within(list).getByText('事例 0 件・全 0 項目')).toBeTruthy()
  })

  it('shows an empty state that says how to make the first deck', async () => {
    mock.current.answer('decks.list', () => ok({ decks: [] }))
    renderPage()
    expect(await screen.findByRole('heading', { name: 'スライドはまだありません' })).toBeTruthy()
    expect(screen.getByText(/「スライドに追加」を押すと/)).toBeTruthy()
  })

  it('refuses to create a deck without a title and says so', async () => {
    mock.current.answer('decks.list', () => ok({ decks: [] }))
    renderPage()
    fireEvent.click(await screen.findByRole('button', { name: '作成' }))
    expect((await screen.findByRole('alert')).textContent).toBe('タイトルを入力してください')
    expect(mock.current.calls('decks.create')).toEqual([])
  })

  it('creates a deck with the typed title and opens its builder', async () => {
    mock.current.answer('decks.list', () => ok({ decks: [] }))
    mock.current.answer('decks.create', () =>
      ok({ schema: 1, id: 'deck-new', title: '防災研修', items: [] }),
    )
    renderPage()
    fireEvent.change(await screen.findByLabelText('新しいスライドのタイトル'), {
      target: { value: '  防災研修 ' },
    })
    fireEvent.click(screen.getByRole('button', { name: '作成' }))
    await waitFor(() => expect(window.location.hash).toBe('#/decks/deck-new'))
    expect(mock.current.calls('decks.create')).toEqual([[{ title: '防災研修', items: [] }]])
  })

  it('deletes a deck only after the confirmation, then reloads the list', async () => {
    let decks = DECKS
    mock.current.answer('decks.list', () => ok({ decks }))
    mock.current.answer('decks.remove', (id: string) => {
      decks = decks.filter((d) => d.id !== id)
      return ok({ id })
    })
    const notify = renderPage()
    fireEvent.click(await screen.findByRole('button', { name: '「管理職研修」を削除' }))
    const dialog = screen.getByRole('dialog', { name: 'スライドを削除しますか？' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'キャンセル' }))
    expect(mock.current.calls('decks.remove')).toEqual([])

    fireEvent.click(screen.getByRole('button', { name: '「管理職研修」を削除' }))
    fireEvent.click(
      within(screen.getByRole('dialog', { name: 'スライドを削除しますか？' })).getByRole('button', {
        name: '削除',
      }),
    )
    await waitFor(() => expect(screen.queryByRole('link', { name: '管理職研修' })).toBeNull())
    expect(mock.current.calls('decks.remove')).toEqual([['kanri']])
    expect(notify).toHaveBeenCalledWith('「管理職研修」を削除しました')
  })
})
