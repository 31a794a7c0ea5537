import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CaseDoc } from '../../../common/model'
import { CaseEditor } from '../../../renderer/src/editor/CaseEditor'
import { draftKey, dropDraft, readDraft } from '../../../renderer/src/editor/local-draft'
import { InApp } from '../in-app'
import { createApiMock, installDialogPolyfill, ok } from '../decks/api-mock'
import { caseMeta, PARTNER_TYPES } from '../fixtures'

const mock = vi.hoisted(() => ({ current: null as unknown as ReturnType<typeof createApiMock> }))
vi.mock('../../../renderer/src/api', async () => {
  const { createApiMock } = await import('../decks/api-mock')
  mock.current = createApiMock()
  return { api: mock.current.api }
})

const ID = 'kasen-seiso'
const LOADED_HASH = 'a'.repeat(64)
const OUTSIDE_HASH = 'b'.repeat(64)
const loaded: CaseDoc = {
  meta: caseMeta({ id: ID, title: '河川清掃', revision: 3 }),
  body: '## 背景・課題\n\nアプリで書いた本文\n',
  filesHash: LOADED_HASH,
}
// What a text editor left on disk: case.md rewritten, case.json (and its revision) untouched.
const outsideEdit: CaseDoc = {
  ...loaded,
  body: '## 背景・課題\n\nエディタで書き足した本文\n',
  filesHash: OUTSIDE_HASH,
}

beforeAll(installDialogPolyfill)
beforeEach(() => {
  mock.current.reset()
  mock.current.answer('library.info', () =>
    ok({ name: 'テスト', path: '/lib', partnerTypes: PARTNER_TYPES }),
  )
  mock.current.answer('cases.list', () => ok({ cases: [loaded.meta], damaged: [] }))
  mock.current.answer('glossary.get', () => ok({ entries: [] }))
  mock.current.answer('attachments.list', () => ok({ attachments: [] }))
  mock.current.answer('cases.get', () => ok(loaded))
})
afterEach(() => {
  cleanup()
  dropDraft(draftKey('/lib', ID))
})

async function openEditor() {
  render(
    <InApp>
      <CaseEditor id={ID} partnerTypes={PARTNER_TYPES} tagSuggestions={[]} />
    </InApp>,
  )
  await screen.findByRole('heading', { name: '事例を編集' })
}

describe('CaseEditor: an outside edit of the case files', () => {
  it('sends the files hash it loaded, and shows the conflict dialog with the outside edit instead of overwriting it', async () => {
    mock.current.answer('cases.save', () => ({
      ok: false,
      error: { code: 'conflict', message: 'changed by another program', current: outsideEdit },
    }))
    await openEditor()
    fireEvent.click(screen.getByRole('button', { name: '保存' }))

    const dialog = await screen.findByRole('dialog', {
      name: 'この事例のファイルが他のプログラムで変更されました',
    })
    expect(mock.current.calls('cases.save')[0]![0]).toMatchObject({
      id: ID,
      baseRevision: 3,
      baseFilesHash: LOADED_HASH,
    })
    const theirs = within(dialog).getByRole('region', { name: '保存済みの内容（版 3）' })
    expect(within(theirs).getByText(/エディタで書き足した本文/)).toBeTruthy()
    expect(
      within(dialog).getByRole('button', { name: '自分の編集を別の事例として保存' }),
    ).toBeTruthy()

    // Overwriting is a deliberate choice, made against the files as they are now.
    mock.current.answer('cases.save', () =>
      ok({ ...loaded, meta: { ...loaded.meta, revision: 4 }, filesHash: 'c'.repeat(64) }),
    )
    fireEvent.click(within(dialog).getByRole('button', { name: '自分の編集で上書きする' }))
    await waitFor(() => expect(mock.current.calls('cases.save')).toHaveLength(2))
    expect(mock.current.calls('cases.save')[1]![0]).toMatchObject({
      baseRevision: 3,
      baseFilesHash: OUTSIDE_HASH,
    })
  })

  it('keeps the dialog for another person’s save when the revision moved on', async () => {
    const newer = { ...outsideEdit, meta: { ...loaded.meta, revision: 4 } }
    mock.current.answer('cases.save', () => ({
      ok: false,
      error: { code: 'conflict', message: 'saved elsewhere', current: newer },
    }))
    await openEditor()
    fireEvent.click(screen.getByRole('button', { name: '保存' }))
    expect(
      await screen.findByRole('dialog', { name: '他の人がこの事例を先に保存しました' }),
    ).toBeTruthy()
  })

  it('says so while editing when the watcher reports an outside edit that kept the revision', async () => {
    await openEditor()
    mock.current.answer('cases.get', () => ok(outsideEdit))
    act(() => mock.current.emit({ type: 'library.changed', ids: [ID], external: true }))
    expect(
      await screen.findByText(/この事例は、編集中に別の場所で変更されました（版 3）/),
    ).toBeTruthy()
  })

  it('shows no banner when the files reported are the ones it loaded', async () => {
    await openEditor()
    act(() => mock.current.emit({ type: 'library.changed', ids: [ID], external: true }))
    await waitFor(() => expect(mock.current.calls('cases.get').length).toBeGreaterThan(1))
    expect(screen.queryByText(/編集中に別の場所で変更されました/)).toBeNull()
  })

  it('keeps the loaded files hash with a draft kept after a failed save, and saves the restored draft against it', async () => {
    mock.current.answer('cases.save', () => ({
      ok: false,
      error: { code: 'io', message: 'ネットワークに接続できません' },
    }))
    await openEditor()
    fireEvent.click(screen.getByRole('button', { name: '保存' }))
    await screen.findByText(/ネットワークに接続できません/)
    expect(readDraft(draftKey('/lib', ID))).toMatchObject({
      baseRevision: 3,
      baseFilesHash: LOADED_HASH,
    })
    cleanup()

    // Later, the case has been edited by another program; the restored draft must not overwrite it.
    mock.current.answer('cases.get', () => ok(outsideEdit))
    await openEditor()
    fireEvent.click(await screen.findByRole('button', { name: '下書きを戻す' }))
    fireEvent.click(screen.getByRole('button', { name: '保存' }))
    await waitFor(() => expect(mock.current.calls('cases.save')).toHaveLength(2))
    expect(mock.current.calls('cases.save')[1]![0]).toMatchObject({
      baseRevision: 3,
      baseFilesHash: LOADED_HASH,
    })
  })
})
