import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ReadingPath, ResolvedPath } from '../../../common/model'
import { InApp } from '../in-app'
import { PathReader } from '../../../renderer/src/learn/PathReader'
import { progressKey } from '../../../renderer/src/learn/learn-data'
import { caseMeta, PARTNER_TYPES } from '../fixtures'
import { answer, callsOf } from './fake-api'

vi.mock('../../../renderer/src/api', () => ({
  api: { call: vi.fn(), onEvent: vi.fn(() => () => {}), attachmentUrl: vi.fn(() => '') },
}))

const CASES = [
  caseMeta({ id: 'one', title: '一つ目の事例', summary: '一つ目の概要' }),
  caseMeta({ id: 'two', title: '二つ目の事例', summary: '二つ目の概要' }),
  caseMeta({ id: 'three', title: '三つ目の事例' }),
]

const PATH: ResolvedPath = {
  schema: 1,
  id: 'shinjin',
  title: '新人研修',
  description: '最初に読む事例',
  missingCount: 1,
  steps: [
    {
      caseId: 'one',
      title: '一つ目の事例',
      note: '役割分担に注目',
      missing: false,
      damaged: false,
    },
    { caseId: 'two', title: '二つ目の事例', missing: false, damaged: false },
    { caseId: 'gone', missing: true, damaged: false },
  ],
}
const KEY = progressKey('/lib', 'shinjin')

function library(path: ResolvedPath = PATH) {
  return answer({
    'cases.list': () => ({ cases: [], damaged: [] }),
    'library.info': () => ({
      name: 'x',
      path: '/lib',
      format: 'kyodo-kb/1',
      caseCount: 3,
      partnerTypes: PARTNER_TYPES,
    }),
    'paths.get': () => path,
    'paths.save': (saved: ReadingPath) => saved,
    'glossary.get': () => ({ entries: [] }),
    'cases.get': (id: string) => ({
      meta: CASES.find((c) => c.id === id)!,
      body: `## 協働のコツ\n\n${id} の本文`,
    }),
    'attachments.list': () => ({ attachments: [] }),
  })
}

function renderReader() {
  return render(
    <InApp>
      <PathReader id="shinjin" cases={CASES} />
    </InApp>,
  )
}

const current = () => document.getElementById('path-current-title')?.textContent

beforeEach(() => {
  localStorage.clear()
  library()
})
afterEach(cleanup)

/** The reader's own status line (the window's toast region is a status too). */
const readerStatus = () =>
  screen.getAllByRole('status').find((el) => !el.classList.contains('toast-region'))!

describe('PathReader: reading a path step by step', () => {
  it('shows the steps with their note and summary, and moves with 次へ and 前へ', async () => {
    renderReader()
    await waitFor(() => expect(current()).toBe('一つ目の事例'))
    expect(screen.getByText('役割分担に注目')).toBeTruthy()
    expect(screen.getByText('一つ目の概要')).toBeTruthy()
    expect(screen.getByRole('link', { name: /この事例を開く/ }).getAttribute('href')).toBe(
      '#/case/one',
    )
    fireEvent.click(screen.getByRole('button', { name: /次へ/ }))
    expect(current()).toBe('二つ目の事例')
    fireEvent.click(screen.getByRole('button', { name: /前へ/ }))
    expect(current()).toBe('一つ目の事例')
  })

  it('shows the step’s whole case inside the reader, following 次へ, with the progress', async () => {
    renderReader()
    const body = await screen.findByRole('region', { name: 'この事例の本文' })
    await waitFor(() => expect(body.textContent).toContain('one の本文'))
    expect(body.querySelector('h2')?.textContent).toBe('協働のコツ')
    fireEvent.click(screen.getByRole('button', { name: /次へ/ }))
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'この事例の本文' }).textContent).toContain(
        'two の本文',
      ),
    )
    expect(readerStatus().textContent).toBe('1 / 3 件 読了')
    expect(window.location.hash).not.toMatch(/#\/case\//)
  })

  it('marks a missing case as missing', async () => {
    renderReader()
    await screen.findByText('見つからない事例が 1 件あります（削除された可能性があります）。')
    fireEvent.click(screen.getByRole('button', { name: /見つからない事例/ }))
    expect(current()).toBe('見つからない事例')
    expect(screen.queryByRole('link', { name: /この事例を開く/ })).toBeNull()
  })

  it('keeps progress in localStorage per library and path, never in the library', async () => {
    const { unmount } = renderReader()
    await waitFor(() => expect(current()).toBe('一つ目の事例'))
    fireEvent.click(screen.getByRole('button', { name: /次へ/ }))
    fireEvent.click(screen.getByRole('button', { name: /次へ/ }))
    fireEvent.click(screen.getByRole('button', { name: '読み終える' }))
    expect(JSON.parse(localStorage.getItem(KEY)!)).toEqual({ read: ['one', 'two', 'gone'], at: 2 })
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('3')
    expect(callsOf('paths.save')).toEqual([])

    unmount()
    renderReader()
    await waitFor(() => expect(readerStatus().textContent).toBe('すべての事例を読み終えました'))
    expect(current()).toBe('見つからない事例')
  })

  it('lets the reader mark a step unread again', async () => {
    localStorage.setItem(KEY, JSON.stringify({ read: ['one', 'two'], at: 0 }))
    renderReader()
    await waitFor(() => expect(readerStatus().textContent).toBe('2 / 3 件 読了'))
    fireEvent.click(screen.getByRole('checkbox', { name: '読んだ' }))
    expect(readerStatus().textContent).toBe('1 / 3 件 読了')
  })
})

describe('PathReader: editing a path', () => {
  it('reorders, annotates, removes and adds steps, then saves', async () => {
    renderReader()
    await waitFor(() => expect(current()).toBe('一つ目の事例'))
    fireEvent.click(screen.getByRole('button', { name: '編集' }))
    fireEvent.change(screen.getByLabelText('タイトル'), { target: { value: '新人研修（改）' } })
    fireEvent.click(screen.getByRole('button', { name: '「二つ目の事例」を上へ移動' }))
    fireEvent.change(screen.getByLabelText('「二つ目の事例」のポイント'), {
      target: { value: '予算に注目' },
    })
    fireEvent.click(screen.getByRole('button', { name: '「見つからない事例」をパスから外す' }))
    fireEvent.change(screen.getByLabelText('事例名・タグ・担当課で絞り込む'), {
      target: { value: '三つ目' },
    })
    fireEvent.click(screen.getByRole('button', { name: '「三つ目の事例」を追加' }))
    fireEvent.click(screen.getByRole('button', { name: '保存' }))
    await waitFor(() => expect(callsOf('paths.save')).toHaveLength(1))
    expect(callsOf('paths.save')[0]).toEqual([
      {
        schema: 1,
        id: 'shinjin',
        title: '新人研修（改）',
        description: '最初に読む事例',
        steps: [
          { caseId: 'two', note: '予算に注目' },
          { caseId: 'one', note: '役割分担に注目' },
          { caseId: 'three' },
        ],
      },
    ])
  })

  it('opens a new, empty path in the editor', async () => {
    library({ ...PATH, steps: [], missingCount: 0 })
    renderReader()
    expect(await screen.findByText(/まだ事例がありません/)).toBeTruthy()
    expect(screen.getByRole('button', { name: '「一つ目の事例」を追加' })).toBeTruthy()
  })
})
