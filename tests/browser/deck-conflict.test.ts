import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTIFACTS, startApp, type RunningApp } from './web-host-harness'

const ID = 'deck-shared-kenshu'
const deckJson = (title: string, caseIds: string[]) =>
  `${JSON.stringify(
    {
      schema: 1,
      id: ID,
      title,
      items: caseIds.map((caseId) => ({ kind: 'case', caseId })),
    },
    null,
    2,
  )}\n`

describe('a deck changed on disk while it is open in the builder', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp()
  })
  afterAll(async () => {
    await app?.stop()
  })

  it('is not overwritten by the builder’s save: the conflict dialog shows both, and overwrite or keep both each keep nothing lost', async () => {
    const file = join(app.libraryDir, 'decks', `${ID}.json`)
    await mkdir(join(app.libraryDir, 'decks'), { recursive: true })
    await writeFile(file, deckJson('共有の研修', ['akiya-taisaku-kyotei']))

    const page = await app.newPage()
    await page.goto(`${app.url}#/decks/${ID}`)
    const title = page.getByLabel(/^タイトル/)
    await expect.poll(() => title.inputValue()).toBe('共有の研修')
    await title.fill('Aさんの版')

    // Another trainer's app (or a text editor) saves the deck behind the builder's back.
    const theirs = deckJson('Bさんの版', ['akiya-taisaku-kyotei', 'kenko-point'])
    await writeFile(file, theirs)
    await page.getByRole('button', { name: '保存', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'このスライドは他の人が変更しています' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    await expect.poll(() => dialog.getByText('Bさんの版', { exact: true }).isVisible()).toBe(true)
    await expect.poll(() => dialog.getByText('Aさんの版', { exact: true }).isVisible()).toBe(true)
    await page.screenshot({ path: join(ARTIFACTS, 'deck-conflict.png') })
    expect(await readFile(file, 'utf8')).toBe(theirs)

    // Overwrite: my version replaces theirs, knowingly.
    await dialog.getByRole('button', { name: /^自分の編集で上書きする/ }).click()
    await expect.poll(async () => JSON.parse(await readFile(file, 'utf8')).title).toBe('Aさんの版')
    expect(await readFile(file, 'utf8')).not.toContain('fileHash')
    await expect.poll(() => page.locator('.save-state').textContent()).toContain('保存しました')

    // A second change behind the builder's back; this time keep both.
    const again = deckJson('Bさんの再編集', ['kenko-point'])
    await writeFile(file, again)
    await title.fill('Aさんの再編集')
    await page.keyboard.press('Control+s')
    await expect.poll(() => dialog.isVisible()).toBe(true)
    await dialog.getByRole('button', { name: /^両方残す/ }).click()
    await expect.poll(() => page.url()).not.toContain(ID)
    const copyId = /#\/decks\/([a-z0-9-]+)/.exec(page.url())?.[1]
    expect(copyId).toBeTruthy()
    await expect.poll(() => title.inputValue()).toBe('Aさんの再編集（コピー）')
    expect(await readFile(file, 'utf8')).toBe(again)
    const copy = JSON.parse(await readFile(join(app.libraryDir, 'decks', `${copyId}.json`), 'utf8'))
    expect(copy).toMatchObject({ title: 'Aさんの再編集（コピー）' })
    expect((await readdir(join(app.libraryDir, 'decks'))).sort()).toEqual(
      [`${ID}.json`, `${copyId}.json`].sort(),
    )
  })
})
