import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LibraryInfo } from '../../../common/model'
import { App } from '../../../renderer/src/App'
import { createApiMock, ok } from '../decks/api-mock'
import { PARTNER_TYPES } from '../fixtures'

const mock = vi.hoisted(() => ({ current: null as unknown as ReturnType<typeof createApiMock> }))
vi.mock('../../../renderer/src/api', async () => {
  const { createApiMock } = await import('../decks/api-mock')
  mock.current = createApiMock()
  return { api: mock.current.api }
})

const INFO = { name: '共有ライブラリ', path: '/srv/kyodo', partnerTypes: PARTNER_TYPES }
const PATH_LABEL = 'ライブラリのフォルダ（共有ドライブのパスも可）'

/** library.info answers only when the test says so, as a slow network share would. */
function holdLibraryInfo() {
  let release: (
    result: { ok: true; value: LibraryInfo } | { ok: false; error: object },
  ) => void = () => undefined
  mock.current.answer(
    'library.info',
    () =>
      new Promise((resolve) => {
        release = resolve
      }),
  )
  return (result: Parameters<typeof release>[0]) => act(async () => release(result))
}

beforeEach(() => {
  mock.current.reset()
  window.location.hash = '#/settings'
  mock.current.answer('cases.list', () => ok({ cases: [], damaged: [] }))
  mock.current.answer('library.recent', () => ok({ libraries: [] }))
})
afterEach(cleanup)

describe('Settings while the library loads', () => {
  it('keeps what was typed into the library path when the library info arrives', async () => {
    const arrive = holdLibraryInfo()
    render(<App />)
    const field = await screen.findByLabelText(PATH_LABEL)
    expect(screen.queryByText('開いているライブラリ', { exact: false })).toBeNull()
    fireEvent.change(field, { target: { value: '\\\\fileserver\\kyodo\\library' } })

    await arrive(ok(INFO as LibraryInfo))

    // The library is shown now, and the same field still holds the typed path.
    expect(await screen.findByText('/srv/kyodo')).toBeTruthy()
    const after = screen.getByLabelText(PATH_LABEL)
    expect(after).toBe(field)
    expect((after as HTMLInputElement).value).toBe('\\\\fileserver\\kyodo\\library')
    expect(screen.getByRole('button', { name: '開く' })).toHaveProperty('disabled', false)
  })

  it('keeps it too when the library cannot be opened and the failure arrives', async () => {
    const arrive = holdLibraryInfo()
    render(<App />)
    const field = await screen.findByLabelText(PATH_LABEL)
    fireEvent.change(field, { target: { value: 'D:\\kyodo' } })
    await arrive({ ok: false, error: { code: 'io', message: '共有ドライブに接続できません' } })
    expect((screen.getByLabelText(PATH_LABEL) as HTMLInputElement).value).toBe('D:\\kyodo')
  })
})
