import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS, startApp, type RunningApp } from './web-host-harness'

describe('an edit of case.md by another program while the case is open in the editor', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp()
  })
  afterAll(async () => {
    await app?.stop()
  })

  it('is neither overwritten by the next save nor lost: the editor shows both versions', async () => {
    const id = 'gakushu-shien-gakusei'
    const bodyFile = join(app.libraryDir, 'cases', id, 'case.md')
    const page = await app.newPage()
    await page.goto(`${app.url}#/case/${id}/edit`)
    await page.getByLabel('担当課').fill('教育委員会（アプリでの編集）')
    await app.watching

    // A text editor appends a paragraph; case.json and its revision stay as they were.
    const outside = `${await readFile(bodyFile, 'utf8')}\nテキストエディタで書き足した段落。\n`
    await writeFile(bodyFile, outside)
    // The watcher tells the editor first (the revision alone would not have shown it). That takes
    // the watcher's quiet time (300 ms), reading both files, the index refresh and the event
    // stream: more than expect.poll's 1 s default on a busy machine.
    await expect
      .poll(() => page.getByText(/この事例は、編集中に別の場所で変更されました/).isVisible(), {
        timeout: 10_000,
      })
      .toBe(true)

    await page.getByRole('button', { name: '保存', exact: true }).click()
    const dialog = page.getByRole('dialog', {
      name: 'この事例のファイルが他のプログラムで変更されました',
    })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    await expect
      .poll(() => dialog.getByText(/テキストエディタで書き足した段落/).isVisible())
      .toBe(true)
    await page.screenshot({ path: join(ARTIFACTS, 'conflict-outside-edit.png') })
    expect(await readFile(bodyFile, 'utf8')).toBe(outside)

    // Keeping mine as a copy leaves the outside edit where it is.
    await dialog.getByRole('button', { name: '自分の編集を別の事例として保存' }).click()
    await expect.poll(() => page.url()).toMatch(/#\/case\/case-/)
    expect(await readFile(bodyFile, 'utf8')).toBe(outside)
  })
})
