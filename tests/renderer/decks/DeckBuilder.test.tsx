import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Deck } from '../../../common/decks/deck-schema'
import type { DeckOutline } from '../../../common/decks/slide-types'
import { DeckBuilder } from '../../../renderer/src/decks/DeckBuilder'
import { I18nProvider } from '../../../renderer/src/i18n/i18n'
import { caseMeta, PARTNER_TYPES } from '../fixtures'
import { createApiMock, fail, installDialogPolyfill, ok } from './api-mock'
import { NotifyContext } from '../../../renderer/src/hooks/notify'

const mock = vi.hoisted(() => ({ current: null as unknown as ReturnType<typeof createApiMock> }))
vi.mock('../../../renderer/src/api', async () => {
  const { createApiMock } = await import('./api-mock')
  mock.current = createApiMock()
  return { api: mock.current.api }
})

const CASES = [
  caseMeta({ id: 'kasen-seiso', title: '河川清掃' }),
  caseMeta({ id: 'akiya', title: '空き家相談' }),
  caseMeta({ id: 'kodomo-shokudo', title: 'こども食堂' }),
]

const DECK: Deck = {
  schema: 1,
  id: 'shinnin',
  title: '新任職員研修',
  subtitle: '協働のすすめ',
  items: [
    { kind: 'case', caseId: 'kasen-seiso', sections: ['summary', '役割分担'] },
    { kind: 'case', caseId: 'akiya', sections: ['summary'] },
    { kind: 'case', caseId: 'gone-case', sections: ['summary'] },
  ],
}

const OUTLINE: DeckOutline = {
  title: '新任職員研修',
  missing: [{ index: 2, caseId: 'gone-case' }],
  texts: [
    {
      itemIndex: 0,
      caseId: 'kasen-seiso',
      section: 'summary',
      generated: '- 住民と企業が川をきれいにした',
    },
    {
      itemIndex: 0,
      caseId: 'kasen-seiso',
      section: '役割分担',
      generated: '- 市：用具の貸出',
    },
  ],
  slides: [
    {
      kind: 'title',
      title: '新任職員研修',
      subtitle: '協働のすすめ',
      notes: '取り上げる事例（2件）',
    },
    {
      kind: 'case-overview',
      itemIndex: 0,
      caseId: 'kasen-seiso',
      caseTitle: '河川清掃',
      chips: [{ key: 'community', label: '地域・自治会', color: '#2f7d4f' }],
      yearLabel: '2017年度（平成29年度）',
      points: ['住民と企業が川をきれいにした'],
    },
    {
      kind: 'section',
      itemIndex: 0,
      caseId: 'kasen-seiso',
      caseTitle: '河川清掃',
      section: '背景・課題',
      heading: '背景・課題',
      part: 2,
      parts: 2,
      blocks: [
        { type: 'paragraph', runs: [{ text: 'ごみが' }, { text: '増えていた', bold: true }] },
        { type: 'bullet', runs: [{ text: '外来植物' }], level: 1 },
      ],
    },
    {
      kind: 'table',
      itemIndex: 0,
      caseId: 'kasen-seiso',
      caseTitle: '河川清掃',
      section: '役割分担',
      heading: '役割分担',
      part: 1,
      parts: 1,
      columns: ['主体', '役割'],
      rows: [['市', '用具の貸出']],
    },
    {
      kind: 'outcomes',
      itemIndex: 0,
      caseId: 'kasen-seiso',
      caseTitle: '河川清掃',
      heading: '成果（数値）',
      part: 1,
      parts: 1,
      figures: [{ label: '参加者', value: '1,450', unit: '人' }],
    },
    {
      kind: 'photos',
      itemIndex: 0,
      caseId: 'kasen-seiso',
      caseTitle: '河川清掃',
      heading: '写真',
      part: 1,
      parts: 1,
      photos: [{ caseId: 'kasen-seiso', name: 'seiso.png' }],
    },
    { kind: 'missing', itemIndex: 2, caseId: 'gone-case', message: 'この事例は見つかりません' },
  ],
}

beforeAll(installDialogPolyfill)
beforeEach(() => {
  mock.current.reset()
  mock.current.answer('decks.get', () => ok(structuredClone(DECK)))
  mock.current.answer('decks.save', (deck: Deck) => ok(deck))
  mock.current.answer('decks.preview', () => ok(OUTLINE))
})
afterEach(cleanup)

async function renderBuilder() {
  const notify = vi.fn()
  render(
    <I18nProvider initial="ja">
      <NotifyContext.Provider value={notify}>
        <DeckBuilder id="shinnin" cases={CASES} partnerTypes={PARTNER_TYPES} />
      </NotifyContext.Provider>
    </I18nProvider>,
  )
  await screen.findByLabelText(/^タイトル/)
  return notify
}

const itemTitles = () =>
  [...document.querySelectorAll('.deck-item-title')].map((element) => element.textContent)
/** jsdom's Blob has no arrayBuffer(); FileReader reads it. */
const readBlob = (blob: Blob) =>
  new Promise<ArrayBuffer>((resolve) => {
    const reader = new FileReader()
    reader.onload = () => resolve(reader.result as ArrayBuffer)
    reader.readAsArrayBuffer(blob)
  })
const lastSaved = () => mock.current.calls('decks.save').at(-1)?.[0] as Deck

describe('DeckBuilder', () => {
  it('shows the title slide fields and the items in order, a missing case by its id', async () => {
    await renderBuilder()
    expect((screen.getByLabelText(/^タイトル/) as HTMLInputElement).value).toBe('新任職員研修')
    expect((screen.getByLabelText('サブタイトル') as HTMLInputElement).value).toBe('協働のすすめ')
    expect(itemTitles()).toEqual(['河川清掃', '空き家相談', '見つからない事例（ID: gone-case）'])
    expect(screen.getByText(/削除されたか、IDが変わった可能性があります/)).toBeTruthy()
  })

  it('moves an item down with the keyboard button, keeps focus on it, and saves the new order', async () => {
    await renderBuilder()
    const down = screen.getByRole('button', { name: '「河川清掃」を下へ移動' })
    down.focus()
    fireEvent.click(down)
    expect(itemTitles().slice(0, 2)).toEqual(['空き家相談', '河川清掃'])
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: '「河川清掃」を下へ移動' }),
      ),
    )
    expect(screen.getByText('「河川清掃」を 2 番目に移動しました')).toBeTruthy()
    expect(screen.getByText('未保存の変更があります')).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: '保存' }))
    await waitFor(() => expect(mock.current.calls('decks.save')).toHaveLength(1))
    expect(lastSaved().items.map((i) => (i.kind === 'case' ? i.caseId : i.title))).toEqual([
      'akiya',
      'kasen-seiso',
      'gone-case',
    ])
    await waitFor(() => expect(screen.getByText('保存しました')).toBeTruthy())
  })

  it('keeps focus on an item moved to the top by moving it to its other button', async () => {
    await renderBuilder()
    fireEvent.click(screen.getByRole('button', { name: '「空き家相談」を上へ移動' }))
    expect(itemTitles()[0]).toBe('空き家相談')
    const up = screen.getByRole('button', { name: '「空き家相談」を上へ移動' }) as HTMLButtonElement
    expect(up.disabled).toBe(true)
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: '「空き家相談」を下へ移動' }),
      ),
    )
  })

  it('reorders by drag and drop', async () => {
    await renderBuilder()
    const rows = document.querySelectorAll('.deck-item')
    const dataTransfer = { setData: vi.fn(), effectAllowed: '', dropEffect: '' }
    fireEvent.dragStart(rows[2]!, { dataTransfer })
    fireEvent.dragOver(rows[0]!, { dataTransfer, clientY: -10 })
    fireEvent.drop(rows[0]!, { dataTransfer, clientY: -10 })
    expect(itemTitles()).toEqual(['見つからない事例（ID: gone-case）', '河川清掃', '空き家相談'])
  })

  it('lets the trainer choose the sections of a case with Japanese labels, saved in canonical order', async () => {
    await renderBuilder()
    fireEvent.click(screen.getByRole('button', { name: '項目を選ぶ（2/13）' }))
    const group = screen.getByRole('group', { name: '「河川清掃」でスライドにする項目' })
    const labels = within(group)
      .getAllByRole('checkbox')
      .map((box) => box.parentElement!.textContent)
    expect(labels).toEqual([
      '概要',
      '背景・課題',
      '協働のきっかけ',
      '共有した目標',
      '役割分担',
      '取り組みの内容',
      '成果と効果',
      '協働のコツ',
      '苦労と教訓',
      '今後の展望',
      '協働の4要素',
      '成果（数値）',
      '写真',
    ])
    fireEvent.click(within(group).getByRole('checkbox', { name: '写真' }))
    fireEvent.click(within(group).getByRole('checkbox', { name: '背景・課題' }))
    fireEvent.click(within(group).getByRole('checkbox', { name: '概要' }))
    fireEvent.keyDown(window, { key: 's', ctrlKey: true })
    await waitFor(() => expect(mock.current.calls('decks.save')).toHaveLength(1))
    expect(lastSaved().items[0]).toEqual({
      kind: 'case',
      caseId: 'kasen-seiso',
      sections: ['背景・課題', '役割分担', 'photos'],
    })
  })

  it('adds a free text slide, requires its title, and saves its Markdown body', async () => {
    await renderBuilder()
    fireEvent.click(screen.getByRole('button', { name: /テキストスライドを追加/ }))
    fireEvent.click(screen.getByRole('button', { name: '保存' }))
    expect((await screen.findByRole('alert')).textContent).toContain(
      'テキストスライドのタイトルを入力してください',
    )
    expect(mock.current.calls('decks.save')).toEqual([])

    fireEvent.change(screen.getByLabelText('スライドのタイトル'), {
      target: { value: '新時代の公務に必要なこと' },
    })
    fireEvent.change(screen.getByLabelText(/^本文/), {
      target: { value: '- **人の力を借りること**' },
    })
    fireEvent.keyDown(window, { key: 's', ctrlKey: true })
    await waitFor(() => expect(mock.current.calls('decks.save')).toHaveLength(1))
    expect(lastSaved().items.at(-1)).toEqual({
      kind: 'text',
      title: '新時代の公務に必要なこと',
      body: '- **人の力を借りること**',
    })
    fireEvent.click(
      screen.getByRole('button', { name: '「新時代の公務に必要なこと」を構成から外す' }),
    )
    expect(itemTitles()).not.toContain('新時代の公務に必要なこと')
  })

  it('adds cases from a picker with the main list’s search: one, or every result at once', async () => {
    mock.current.answer('search.query', () =>
      ok({ total: 2, hits: [], ids: ['kodomo-shokudo', 'kasen-seiso'], facets: {}, ms: 1 }),
    )
    await renderBuilder()
    fireEvent.click(screen.getByRole('button', { name: '＋ 事例を追加' }))
    const dialog = screen.getByRole('dialog', { name: '事例を追加' })
    // every case, the ones already in the deck marked
    expect(within(dialog).getAllByRole('listitem')).toHaveLength(3)
    fireEvent.click(within(dialog).getByRole('button', { name: '「こども食堂」を追加' }))
    expect(itemTitles().at(-1)).toBe('こども食堂')
    expect(screen.queryByRole('dialog')).toBeNull()

    fireEvent.click(screen.getByRole('button', { name: '＋ 事例を追加' }))
    const again = screen.getByRole('dialog', { name: '事例を追加' })
    fireEvent.change(within(again).getByLabelText('検索'), { target: { value: '食堂' } })
    await waitFor(() => expect(mock.current.calls('search.query').length).toBeGreaterThan(0))
    expect(mock.current.calls('search.query')[0]![0]).toBe('食堂')
    // both hits are in the deck already: nothing left to add from these results
    await waitFor(() =>
      expect(
        within(again).getByRole('button', { name: /この検索結果をスライドに追加/ }),
      ).toBeTruthy(),
    )
    expect(
      (
        within(again).getByRole('button', {
          name: /この検索結果をスライドに追加（0 件）/,
        }) as HTMLButtonElement
      ).disabled,
    ).toBe(true)
  })

  it('adds every case of the current results, filtered like the main list', async () => {
    await renderBuilder()
    fireEvent.click(screen.getByRole('button', { name: '＋ 事例を追加' }))
    const dialog = screen.getByRole('dialog', { name: '事例を追加' })
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'この検索結果をスライドに追加（1 件）' }),
    )
    expect(itemTitles()).toEqual([
      '河川清掃',
      '空き家相談',
      '見つからない事例（ID: gone-case）',
      'こども食堂',
    ])
    fireEvent.keyDown(window, { key: 's', ctrlKey: true })
    await waitFor(() => expect(mock.current.calls('decks.save')).toHaveLength(1))
    expect(lastSaved().items.at(-1)).toEqual({ kind: 'case', caseId: 'kodomo-shokudo' })
  })

  it('applies a preset to every case, dropping their own section choices', async () => {
    await renderBuilder()
    fireEvent.click(screen.getByRole('radio', { name: /^概要/ }))
    expect(screen.getByRole('radio', { name: /^概要/ }).getAttribute('aria-checked')).toBe('true')
    fireEvent.keyDown(window, { key: 's', ctrlKey: true })
    await waitFor(() => expect(mock.current.calls('decks.save')).toHaveLength(1))
    expect(lastSaved().preset).toBe('summary')
    expect(lastSaved().items.slice(0, 2)).toEqual([
      { kind: 'case', caseId: 'kasen-seiso' },
      { kind: 'case', caseId: 'akiya' },
    ])
  })

  it('lets one case follow its own preset instead of the deck’s', async () => {
    await renderBuilder()
    fireEvent.click(screen.getByRole('button', { name: '項目を選ぶ（2/13）' }))
    fireEvent.change(screen.getByLabelText('「河川清掃」の分量'), { target: { value: 'detailed' } })
    expect(screen.getByRole('button', { name: '閉じる' })).toBeTruthy()
    fireEvent.keyDown(window, { key: 's', ctrlKey: true })
    await waitFor(() => expect(mock.current.calls('decks.save')).toHaveLength(1))
    expect(lastSaved().items[0]).toEqual({
      kind: 'case',
      caseId: 'kasen-seiso',
      preset: 'detailed',
    })
    expect(lastSaved().preset).toBeUndefined()
  })

  it('edits a section’s slide text as an override with the case revision, warns when stale, and resets', async () => {
    mock.current.answer('decks.preview', (deck: Deck) => {
      const item = deck.items[0]
      const override = item?.kind === 'case' ? item.overrides?.summary : undefined
      return ok({
        ...OUTLINE,
        texts: OUTLINE.texts.map((text) =>
          text.section === 'summary' && override !== undefined
            ? { ...text, override, stale: true }
            : text,
        ),
      })
    })
    await renderBuilder()
    fireEvent.click(screen.getByRole('button', { name: '項目を選ぶ（2/13）' }))
    const field = (await screen.findByLabelText(
      '「河川清掃」の概要のスライドの文章',
    )) as HTMLTextAreaElement
    expect(field.value).toBe('- 住民と企業が川をきれいにした')
    fireEvent.change(field, { target: { value: '- 住民・企業・市が一緒に川を守る' } })
    expect(await screen.findByText(/この文章を書いた後で事例が更新されています/)).toBeTruthy()
    fireEvent.keyDown(window, { key: 's', ctrlKey: true })
    await waitFor(() => expect(mock.current.calls('decks.save')).toHaveLength(1))
    expect(lastSaved().items[0]).toMatchObject({
      overrides: { summary: '- 住民・企業・市が一緒に川を守る' },
      overrideRevisions: { summary: 1 },
    })
    fireEvent.click(
      screen.getByRole('button', { name: '「河川清掃」の概要を自動生成の文章に戻す' }),
    )
    expect(field.value).toBe('- 住民と企業が川をきれいにした')
    fireEvent.keyDown(window, { key: 's', ctrlKey: true })
    await waitFor(() => expect(mock.current.calls('decks.save')).toHaveLength(2))
    expect(lastSaved().items[0]).not.toHaveProperty('overrides')
  })

  it('saves the title slide fields, leaving out empty ones', async () => {
    await renderBuilder()
    fireEvent.change(screen.getByLabelText('サブタイトル'), { target: { value: '' } })
    fireEvent.change(screen.getByLabelText('作成者'), { target: { value: '人事課' } })
    fireEvent.click(screen.getByRole('button', { name: '保存' }))
    await waitFor(() => expect(mock.current.calls('decks.save')).toHaveLength(1))
    expect(lastSaved()).toMatchObject({ title: '新任職員研修', author: '人事課' })
    expect('subtitle' in lastSaved() && lastSaved().subtitle !== undefined).toBe(false)
  })

  it('previews every slide of the outline: title, chips, bold runs, bullets, tables, figures, photos, notes', async () => {
    await renderBuilder()
    const preview = await screen.findByRole('region', { name: 'プレビュー（7 枚）' })
    const slides = within(preview).getAllByRole('region', { name: /^スライド \d+$/ })
    expect(slides).toHaveLength(7)
    expect(within(slides[0]!).getByText('新任職員研修')).toBeTruthy()
    expect(within(preview).getByText('取り上げる事例（2件）')).toBeTruthy()
    expect(within(slides[1]!).getByText('住民と企業が川をきれいにした')).toBeTruthy()
    expect(within(slides[1]!).getByText('地域・自治会')).toBeTruthy()
    expect(within(slides[1]!).getByText(/2017年度/)).toBeTruthy()
    expect(within(slides[2]!).getByText('背景・課題（続き）')).toBeTruthy()
    expect(within(slides[2]!).getByText('増えていた').tagName).toBe('B')
    expect(within(slides[2]!).getByText('外来植物').parentElement!.className).toContain(
      'slide-bullet',
    )
    expect(within(slides[3]!).getByRole('table')).toBeTruthy()
    expect(
      within(slides[3]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['市', '用具の貸出'])
    expect(within(slides[4]!).getByText('1,450')).toBeTruthy()
    const photo = within(slides[5]!).getByRole('img', { name: 'seiso.png' })
    expect(photo.getAttribute('src')).toBe('/attachments/kasen-seiso/seiso.png')
    expect(within(slides[6]!).getByText('事例ID: gone-case')).toBeTruthy()
  })

  it('follows unsaved changes: the preview asks for the outline of the deck as edited', async () => {
    await renderBuilder()
    await screen.findByRole('region', { name: 'プレビュー（7 枚）' })
    expect(mock.current.calls('decks.preview')).toHaveLength(1)
    fireEvent.change(screen.getByLabelText('作成者'), { target: { value: '人事課' } })
    await waitFor(() => expect(mock.current.calls('decks.preview')).toHaveLength(2))
    expect(mock.current.calls('decks.preview')[1]![0]).toMatchObject({ author: '人事課' })
    expect(mock.current.calls('decks.save')).toEqual([])
  })

  it('says clearly when the deck does not exist', async () => {
    mock.current.answer('decks.get', () => fail('not_found', 'スライドが見つかりません'))
    render(
      <I18nProvider initial="ja">
        <NotifyContext.Provider value={vi.fn()}>
          <DeckBuilder id="nope" cases={CASES} partnerTypes={PARTNER_TYPES} />
        </NotifyContext.Provider>
      </I18nProvider>,
    )
    expect((await screen.findByRole('alert')).textContent).toContain('このスライドは見つかりません')
  })
})

describe('DeckBuilder exports', () => {
  const createObjectURL = vi.fn(() => 'blob:deck')
  beforeAll(() => {
    URL.createObjectURL = createObjectURL
    URL.revokeObjectURL = vi.fn()
  })

  it('exports PowerPoint, shows progress, and downloads the file through an <a download>', async () => {
    let finish: (value: unknown) => void = () => {}
    mock.current.answer('decks.export', () => new Promise((resolve) => (finish = resolve)))
    const clicked: HTMLAnchorElement[] = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this)
    })
    const notify = await renderBuilder()
    fireEvent.click(screen.getByRole('button', { name: 'PowerPoint' }))
    await waitFor(() =>
      expect(mock.current.calls('decks.export')).toEqual([
        ['shinnin', 'pptx', { perPage: undefined, notes: true, contacts: true }],
      ]),
    )
    expect((screen.getByRole('button', { name: 'Marp' }) as HTMLButtonElement).disabled).toBe(true)
    act(() => mock.current.emit({ type: 'progress', task: 'export', done: 3, total: 7 }))
    expect(screen.getByText('書き出しています… 3/7')).toBeTruthy()

    await act(async () =>
      finish(
        ok({
          fileName: '新任職員研修.pptx',
          mimeType: 'application/zip',
          dataBase64: btoa('PK\u0003\u0004'),
        }),
      ),
    )
    expect(clicked).toHaveLength(1)
    expect(clicked[0]!.download).toBe('新任職員研修.pptx')
    expect(clicked[0]!.href).toBe('blob:deck')
    const blob = (createObjectURL.mock.calls.at(-1) as unknown as [Blob])[0]
    expect(blob.type).toBe('application/zip')
    expect(new Uint8Array(await readBlob(blob)).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]))
    expect(notify).toHaveBeenCalledWith('「新任職員研修.pptx」を書き出しました')
    click.mockRestore()
  })

  it('asks for a two-per-page PDF handout, with or without notes and contact names', async () => {
    mock.current.answer('decks.export', () =>
      ok({ fileName: 'a.pdf', mimeType: 'application/pdf', dataBase64: '' }),
    )
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    await renderBuilder()
    fireEvent.click(screen.getByRole('button', { name: 'PDF（2枚/ページ）' }))
    await waitFor(() =>
      expect(mock.current.calls('decks.export')).toEqual([
        ['shinnin', 'pdf', { perPage: 2, notes: true, contacts: true }],
      ]),
    )
    fireEvent.click(screen.getByRole('checkbox', { name: 'ノートを含める（PDF）' }))
    fireEvent.click(screen.getByRole('checkbox', { name: '担当者名を含める' }))
    fireEvent.click(screen.getByRole('button', { name: 'PDF（2枚/ページ）' }))
    await waitFor(() => expect(mock.current.calls('decks.export')).toHaveLength(2))
    expect(mock.current.calls('decks.export')[1]).toEqual([
      'shinnin',
      'pdf',
      { perPage: 2, notes: false, contacts: false },
    ])
    click.mockRestore()
  })

  it('saves pending edits before exporting', async () => {
    mock.current.answer('decks.export', () =>
      ok({ fileName: 'a.md', mimeType: 'text/markdown', dataBase64: '' }),
    )
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    await renderBuilder()
    fireEvent.change(screen.getByLabelText('作成者'), { target: { value: '人事課' } })
    fireEvent.click(screen.getByRole('button', { name: 'Marp' }))
    await waitFor(() => expect(mock.current.calls('decks.export')).toHaveLength(1))
    expect(mock.current.calls('decks.save')).toHaveLength(1)
    const order = mock.current.api.call.mock.calls.map(([method]) => method)
    expect(order.indexOf('decks.save')).toBeLessThan(order.indexOf('decks.export'))
    click.mockRestore()
  })

  it('shows a clear error when the export fails', async () => {
    mock.current.answer('decks.export', () => fail('io', 'ファイルを書き込めません'))
    await renderBuilder()
    fireEvent.click(screen.getByRole('button', { name: 'PowerPoint' }))
    expect((await screen.findByRole('alert')).textContent).toBe(
      '書き出しに失敗しました：ファイルを書き込めません',
    )
    expect((screen.getByRole('button', { name: 'PowerPoint' }) as HTMLButtonElement).disabled).toBe(
      false,
    )
  })
})
