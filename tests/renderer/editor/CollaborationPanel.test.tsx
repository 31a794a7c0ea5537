import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { CollaborationPanel } from '../../../renderer/src/editor/CollaborationPanel'
import {
  collaborationDraftOf,
  collaborationInput,
  type CollaborationDraft,
} from '../../../renderer/src/editor/collaboration-draft'
import { draftFromMeta, validateDraft } from '../../../renderer/src/editor/meta-draft'
import { I18nProvider } from '../../../renderer/src/i18n/i18n'
import type { MessageKey } from '../../../renderer/src/i18n/ja'
import { caseMeta } from '../fixtures'

afterEach(cleanup)

let latest: CollaborationDraft
function Harness({
  initial = collaborationDraftOf(undefined),
  errors = {},
}: {
  initial?: CollaborationDraft
  errors?: Record<string, MessageKey>
}) {
  const [value, setValue] = useState(initial)
  const change = (next: CollaborationDraft) => {
    latest = next
    setValue(next)
  }
  return <CollaborationPanel value={value} errors={errors} onChange={change} />
}
const renderPanel = (props: Parameters<typeof Harness>[0] = {}) =>
  render(
    <I18nProvider initial="ja">
      <Harness {...props} />
    </I18nProvider>,
  )
const group = (name: string) => screen.getByRole('group', { name })
const checked = (element: HTMLElement) => (element as HTMLInputElement).checked

describe('CollaborationPanel', () => {
  it('asks one practitioner question per element and labels every step of 1–5', () => {
    renderPanel()
    for (const name of ['ともに主体的に', '課題に向き合う', '目標に共感する', 'ともに取り組む']) {
      const radios = within(group(name)).getAllByRole('radio')
      expect(radios.map((r) => r.closest('label')!.textContent)).toEqual([
        '未評価',
        '1名ばかり',
        '2一方が主導',
        '3部分的に協働',
        '4おおむね協働',
        '5十分に協働',
      ])
      expect(checked(within(group(name)).getByRole('radio', { name: '未評価' }))).toBe(true)
    }
    const described = group('ともに主体的に').getAttribute('aria-describedby')!
    expect(document.getElementById(described)!.textContent).toContain(
      '行政は任せきり・丸投げになっていなかったか',
    )
  })

  it('turns the choices and notes into the collaboration input, leaving unscored elements out', () => {
    renderPanel()
    fireEvent.click(within(group('ともに主体的に')).getByRole('radio', { name: /^2/ }))
    fireEvent.change(screen.getByLabelText('メモ（ともに主体的に）'), {
      target: { value: '  相手は名義だけ  ' },
    })
    fireEvent.click(within(group('ともに取り組む')).getByRole('radio', { name: /^5/ }))
    fireEvent.change(screen.getByLabelText('全体のメモ'), { target: { value: '3年目に変わった' } })
    expect(collaborationInput(latest)).toEqual({
      ownership: { score: 2, note: '相手は名義だけ' },
      action: { score: 5 },
      note: '3年目に変わった',
    })
    // 未評価 takes a score back; clearing everything leaves no collaboration object at all.
    fireEvent.click(within(group('ともに取り組む')).getByRole('radio', { name: '未評価' }))
    expect(collaborationInput(latest)).not.toHaveProperty('action')
    fireEvent.click(screen.getByRole('button', { name: 'すべて未評価に戻す' }))
    expect(collaborationInput(latest)).toBeUndefined()
  })

  it('loads an existing check and round-trips it through the meta draft unchanged', () => {
    const check = {
      ownership: { score: 4, note: '自ら提案した' },
      problem: { score: 3 },
      goal: { score: 5, note: '数値目標は相手から' },
      action: { score: 4 },
      note: '全体として協働',
    }
    const draft = draftFromMeta(caseMeta({ collaboration: check }))
    renderPanel({ initial: draft.collaboration })
    expect(checked(within(group('目標に共感する')).getByRole('radio', { name: /^5/ }))).toBe(true)
    expect((screen.getByLabelText('メモ（目標に共感する）') as HTMLTextAreaElement).value).toBe(
      '数値目標は相手から',
    )
    expect(validateDraft(draft).input?.collaboration).toEqual(check)
  })

  it('refuses a note without a score and says so beside that element', () => {
    const draft = draftFromMeta(caseMeta({ title: '事例', partnerTypes: ['npo'] }))
    draft.collaboration.notes.goal = '目標は市が決めた'
    const checked = validateDraft(draft)
    expect(checked.errors).toHaveProperty(['collaboration.goal.score'])
    renderPanel({ initial: draft.collaboration, errors: checked.errors! })
    expect(within(group('目標に共感する')).getByRole('alert').textContent).toBe(
      'メモを残すときは、1〜5のどれかを選んでください。',
    )
    expect(group('ともに主体的に').querySelector('[role="alert"]')).toBeNull()
  })
})
