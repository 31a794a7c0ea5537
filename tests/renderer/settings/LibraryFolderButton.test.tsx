import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { I18nProvider } from '../../../renderer/src/i18n/i18n'
import { LibraryFolderButton } from '../../../renderer/src/settings/LibraryFolderButton'

const api = vi.hoisted(() => ({ call: vi.fn(), nativeFolderDialog: true }))
vi.mock('../../../renderer/src/api', () => ({ api }))

beforeEach(() => {
  api.call.mockReset()
  api.nativeFolderDialog = true
})
afterEach(cleanup)

function renderButton() {
  const onPicked = vi.fn()
  const onError = vi.fn()
  render(
    <I18nProvider initial="ja">
      <LibraryFolderButton onPicked={onPicked} onError={onError} />
    </I18nProvider>,
  )
  return { onPicked, onError }
}

describe('「フォルダを選ぶ…」 (LibraryFolderButton)', () => {
  it('asks for library.pickFolder and hands the chosen folder on', async () => {
    api.call.mockResolvedValue({ ok: true, value: { path: 'D:\\協働\\ライブラリ' } })
    const { onPicked, onError } = renderButton()
    fireEvent.click(screen.getByRole('button', { name: 'フォルダを選ぶ…' }))
    await waitFor(() => expect(onPicked).toHaveBeenCalledWith('D:\\協働\\ライブラリ'))
    expect(api.call).toHaveBeenCalledExactlyOnceWith('library.pickFolder')
    expect(onError).not.toHaveBeenCalled()
  })

  it('does nothing when the user cancels the dialog', async () => {
    api.call.mockResolvedValue({ ok: true, value: { path: null } })
    const { onPicked, onError } = renderButton()
    fireEvent.click(screen.getByRole('button', { name: 'フォルダを選ぶ…' }))
    await waitFor(() =>
      expect((screen.getByRole('button') as HTMLButtonElement).disabled).toBe(false),
    )
    expect(api.call).toHaveBeenCalledOnce()
    expect(onPicked).not.toHaveBeenCalled()
    expect(onError).not.toHaveBeenCalled()
  })

  it('reports the host’s answer when the dialog cannot be shown', async () => {
    api.call.mockResolvedValue({ ok: false, error: { code: 'invalid', message: '使えません' } })
    const { onPicked, onError } = renderButton()
    fireEvent.click(screen.getByRole('button', { name: 'フォルダを選ぶ…' }))
    await waitFor(() => expect(onError).toHaveBeenCalledWith('使えません'))
    expect(onPicked).not.toHaveBeenCalled()
  })

  it('is not shown where there is no folder dialog (the web host): the typed path stays', () => {
    api.nativeFolderDialog = false
    renderButton()
    expect(screen.queryByRole('button')).toBeNull()
  })
})
