import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Deck } from '../../../common/decks/deck-schema'
import type { SavedDeck } from '../../../common/decks/saved-deck'
import { DeckBuilder } from '../../../renderer/src/decks/DeckBuilder'
import { NotifyContext } from '../../../renderer/src/hooks/notify'
import { I18nProvider } from '../../../renderer/src/i18n/i18n'
import { caseMeta, PARTNER_TYPES } from '../fixtures'
import { createApiMock, installDialogPolyfill, ok } from './api-mock'

const mock = vi.hoisted(() => ({ current: null as unknown as ReturnType<typeof createApiMock> }))
vi.mock('../../../renderer/src/api', async () => {
  const { createApiMock } = await import('./api-mock')
  mock.current = createApiMock()
  return { api: mock.current.api }
})

const CASES = [
  caseMeta({ id: 'kasen-seiso', title: '河川清掃' }),
  caseMeta({ id: 'akiya', title: '空き家相談' }),
]
const LOADED: SavedDeck = {
  schema: 1,
  id: 'shinnin',
  title: '新任職員研修',
  items: [{ kind: 'case', caseId: 'kasen-seiso' }],
  fileHash: 'a'.repeat(64),
}
// What another trainer saved meanwhile.
const THEIRS: SavedDeck = {
  ...LOADED,
  title: '新任職員研修（B版）',
  items: [{ kind: 'case', caseId: 'akiya' }],
  fileHash: 'b'.repeat(64),
}
const conflict = () => ({
  ok: false as const,
  error: { code: 'conflict', message: '他の人が変更しています', currentDeck: THEIRS },
})

beforeAll(installDialogPolyfill)
beforeEach(() => {
  mock.current.reset()
  window.location.hash = '#/decks/shinnin'
  mock.current.answer('decks.get', () => ok(structuredClone(LOADED)))
  mock.current.answer('decks.preview', () => ok({ title: '', missing: [], texts: [], slides: [] }))
  mock.current.answer('decks.save', (deck: Deck, base?: string) =>
    base === THEIRS.fileHash ? ok({ ...deck, fileHash: 'c'.repeat(64) }) : conflict(),
  )
})
afterEach(cleanup)

async function editAndSave() {
  const notify = vi.fn()
  render(
    <I18nProvider initial="ja">
      <NotifyContext.Provider value={notify}>
        <DeckBuilder id="shinnin" cases={CASES} partnerTypes={PARTNER_TYPES} />
      </NotifyContext.Provider>
    </I18nProvider>,
  )
  const title = await screen.findByLabelText(/^タイトル/)
  fireEvent.change(title, { target: { value: '新任職員研修（A版）' } })
  fireEvent.click(screen.getByRole('button', { name: '保存' }))
  const dialog = await screen.findByRole('dialog', { name: 'このスライドは他の人が変更しています' })
  return { notify, dialog, title: title as HTMLInputElement }
}

describe('DeckBuilder: a save that meets someone else’s newer save', () => {
  it('sends the hash it loaded with the save and shows both versions instead of overwriting', async () => {
    const { dialog, title } = await editAndSave()
    expect(mock.current.calls('decks.save')).toEqual([
      [expect.objectContaining({ title: '新任職員研修（A版）' }), LOADED.fileHash],
    ])
    expect(within(dialog).getByText('新任職員研修（A版）')).toBeTruthy()
    expect(within(dialog).getByText('新任職員研修（B版）')).toBeTruthy()
    expect(within(dialog).getByText('空き家相談')).toBeTruthy()
    expect(title.value).toBe('新任職員研修（A版）')
  })

  it('reload takes the saved version into the builder, unchanged, without saving', async () => {
    const { dialog, title } = await editAndSave()
    fireEvent.click(within(dialog).getByRole('button', { name: /^保存済みの内容を読み込む/ }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(title.value).toBe('新任職員研修（B版）')
    expect(screen.queryByText('未保存の変更があります')).toBeNull()
    expect(mock.current.calls('decks.save')).toHaveLength(1)
  })

  it('overwrite saves my deck against the hash of the version on disk now, and the next save uses the new hash', async () => {
    const { dialog } = await editAndSave()
    fireEvent.click(within(dialog).getByRole('button', { name: /^自分の編集で上書きする/ }))
    await screen.findByText('保存しました')
    const saves = mock.current.calls('decks.save')
    expect(saves[1]).toEqual([
      expect.objectContaining({ title: '新任職員研修（A版）' }),
      THEIRS.fileHash,
    ])
    fireEvent.change(screen.getByLabelText(/^タイトル/), { target: { value: '三度目' } })
    fireEvent.click(screen.getByRole('button', { name: '保存' }))
    await waitFor(() => expect(mock.current.calls('decks.save')).toHaveLength(3))
    expect(mock.current.calls('decks.save')[2]![1]).toBe('c'.repeat(64))
  })

  it('keep both creates my deck as 「…（コピー）」, leaves the original to the saved version and opens the copy', async () => {
    mock.current.answer('decks.create', (input: Omit<Deck, 'schema' | 'id'>) =>
      ok({ schema: 1, id: 'shinnin-copy', ...input, fileHash: 'd'.repeat(64) }),
    )
    const { dialog, notify } = await editAndSave()
    fireEvent.click(within(dialog).getByRole('button', { name: /^両方残す/ }))
    await waitFor(() => expect(window.location.hash).toBe('#/decks/shinnin-copy'))
    expect(mock.current.calls('decks.create')).toEqual([
      [
        expect.objectContaining({
          title: '新任職員研修（A版）（コピー）',
          items: [{ kind: 'case', caseId: 'kasen-seiso' }],
        }),
      ],
    ])
    expect(notify).toHaveBeenCalledWith(
      'あなたの編集を「新任職員研修（A版）（コピー）」として保存しました',
    )
    // Only the first save was sent: the original deck on disk was never overwritten.
    expect(mock.current.calls('decks.save')).toHaveLength(1)
  })

  it('back to editing keeps my edit in the builder, still unsaved', async () => {
    const { dialog, title } = await editAndSave()
    fireEvent.click(within(dialog).getByRole('button', { name: /^編集に戻る$/ }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(title.value).toBe('新任職員研修（A版）')
    expect(screen.getByText('未保存の変更があります')).toBeTruthy()
  })
})
