import { describe, expect, it } from 'vitest'
import { createFolderPickerService } from '../../main/api/folder-picker-service'

// library.pickFolder: the desktop app hands in the system's folder dialog; the web host and
// scripts have none and must say so instead of pretending the user cancelled.

describe('library.pickFolder', () => {
  it('answers the folder the user chose, or null when the dialog was cancelled', async () => {
    const chosen = createFolderPickerService(async () => 'D:\\協働\\ライブラリ')
    expect(await chosen['library.pickFolder']()).toEqual({
      ok: true,
      value: { path: 'D:\\協働\\ライブラリ' },
    })
    const cancelled = createFolderPickerService(async () => null)
    expect(await cancelled['library.pickFolder']()).toEqual({ ok: true, value: { path: null } })
  })

  it('without a folder dialog (the web host) answers `invalid` and tells the user to type the path, in both languages', async () => {
    const result = await createFolderPickerService(undefined)['library.pickFolder']()
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid' } })
    if (result.ok) throw new Error('expected a failure')
    expect(result.error.message).toContain('デスクトップアプリでのみ')
    expect(result.error.message).toContain('type the folder path')
  })

  it('a dialog that fails comes back as an error envelope, not a rejection', async () => {
    const broken = createFolderPickerService(async () => {
      throw new Error('no display')
    })
    expect(await broken['library.pickFolder']()).toMatchObject({
      ok: false,
      error: { code: 'io' },
    })
  })
})
