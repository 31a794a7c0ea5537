import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MetaForm } from '../../../renderer/src/editor/MetaForm'
import {
  emptyDraft,
  type FieldErrors,
  type MetaDraft,
} from '../../../renderer/src/editor/meta-draft'
import { I18nProvider } from '../../../renderer/src/i18n/i18n'
import { PARTNER_TYPES } from '../fixtures'

afterEach(cleanup)

function renderForm(draft: MetaDraft = emptyDraft('npo'), errors: FieldErrors = {}) {
  const onChange = vi.fn<(draft: MetaDraft) => void>()
  render(
    <I18nProvider initial="ja">
      <MetaForm draft={draft} errors={errors} partnerTypes={PARTNER_TYPES} onChange={onChange} />
    </I18nProvider>,
  )
  return { onChange, lastDraft: () => onChange.mock.lastCall![0] }
}

/** The control's error message, found the way a screen reader finds it. */
function describedText(control: HTMLElement): string | null {
  const id = control.getAttribute('aria-describedby')
  return id ? (document.getElementById(id)?.textContent ?? null) : null
}

describe('MetaForm: errors beside their fields', () => {
  it('marks the title invalid and describes it with the Japanese message', () => {
    renderForm(emptyDraft('npo'), { title: 'validation.required' })
    const title = screen.getByLabelText('事例名')
    expect(title.getAttribute('aria-invalid')).toBe('true')
    expect(describedText(title)).toBe('入力してください')
  })

  it('shows each field’s own message on that field only', () => {
    renderForm(emptyDraft('npo'), {
      periodStart: 'validation.format',
      evaluationCity: 'validation.range',
      summary: 'validation.tooLong',
    })
    expect(describedText(screen.getByLabelText('開始（YYYY-MM）'))).toBe('形式が正しくありません')
    expect(describedText(screen.getByLabelText('市の評価（1〜5）'))).toBe('範囲外の値です')
    expect(describedText(screen.getByLabelText('概要（280字まで）'))).toBe('長すぎます')
    const end = screen.getByLabelText('終了（空欄は継続中）')
    expect(end.hasAttribute('aria-invalid')).toBe(false)
    expect(end.hasAttribute('aria-describedby')).toBe(false)
  })

  it('leaves controls unmarked when there are no errors', () => {
    renderForm()
    expect(document.querySelector('[aria-invalid]')).toBeNull()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('shows a missing partner type inside the partner-type group', () => {
    renderForm({ ...emptyDraft(undefined), title: '事例' }, { partnerTypes: 'validation.required' })
    const group = screen.getByRole('group', { name: '協働相手の種別' })
    expect(within(group).getByRole('alert').textContent).toBe('入力してください')
  })

  it('marks the outcome value of the row that has the error', () => {
    const draft = {
      ...emptyDraft('npo'),
      outcomes: [
        { label: '参加者', value: 'abc', unit: '人' },
        { label: '回数', value: '4', unit: '回' },
      ],
    }
    renderForm(draft, { 'outcomes.0.value': 'validation.invalid' })
    const [first, second] = screen.getAllByLabelText('数値')
    expect(first!.getAttribute('aria-invalid')).toBe('true')
    expect(describedText(first!)).toBe('値が正しくありません')
    expect(second!.hasAttribute('aria-invalid')).toBe(false)
  })

  it('gives every text control a label', () => {
    renderForm({
      ...emptyDraft('npo'),
      partners: [{ name: '', type: 'npo', role: '' }],
      outcomes: [{ label: '', value: '', unit: '' }],
    })
    for (const control of document.querySelectorAll(
      'input:not([type=checkbox]), select, textarea',
    )) {
      const labels = (control as HTMLInputElement).labels
      expect(labels?.length ?? 0, control.outerHTML).toBeGreaterThan(0)
    }
  })
})

describe('MetaForm: editing', () => {
  it('reports the typed title as a new draft, leaving other fields alone', () => {
    const draft = emptyDraft('npo')
    const { onChange, lastDraft } = renderForm(draft)
    fireEvent.change(screen.getByLabelText('事例名'), { target: { value: '子ども食堂の立ち上げ' } })
    expect(onChange).toHaveBeenCalledTimes(1)
    expect(lastDraft()).toEqual({ ...draft, title: '子ども食堂の立ち上げ' })
    expect(draft.title).toBe('')
  })

  it('ticks a partner type', () => {
    const { lastDraft } = renderForm(emptyDraft('npo'))
    const company = screen.getByRole('checkbox', { name: '民間企業' })
    expect((company as HTMLInputElement).checked).toBe(false)
    fireEvent.click(company)
    expect(lastDraft().partnerTypes).toEqual(['npo', 'private'])
  })

  it('unticks a partner type', () => {
    const { lastDraft } = renderForm({ ...emptyDraft('npo'), partnerTypes: ['npo', 'community'] })
    const npo = screen.getByRole('checkbox', { name: 'NPO・市民活動' })
    expect((npo as HTMLInputElement).checked).toBe(true)
    fireEvent.click(npo)
    expect(lastDraft().partnerTypes).toEqual(['community'])
  })

  it('toggles a collaboration form', () => {
    const { lastDraft } = renderForm()
    fireEvent.click(screen.getByRole('checkbox', { name: '共催' }))
    expect(lastDraft().forms).toEqual(['共催'])
  })

  it('changes the status through its select', () => {
    const { lastDraft } = renderForm()
    fireEvent.change(screen.getByLabelText('状態'), { target: { value: 'published' } })
    expect(lastDraft().status).toBe('published')
  })

  it('adds a blank outcome row and removes a row', () => {
    const draft = {
      ...emptyDraft('npo'),
      outcomes: [{ label: '参加者', value: '120', unit: '人' }],
    }
    const { lastDraft } = renderForm(draft)
    fireEvent.click(screen.getByRole('button', { name: /成果を追加/ }))
    expect(lastDraft().outcomes).toEqual([
      { label: '参加者', value: '120', unit: '人' },
      { label: '', value: '', unit: '' },
    ])
    fireEvent.click(screen.getByRole('button', { name: '削除' }))
    expect(lastDraft().outcomes).toEqual([])
  })

  it('adds a partner row of the first ticked partner type', () => {
    const { lastDraft } = renderForm({ ...emptyDraft('private') })
    fireEvent.click(screen.getByRole('button', { name: /協働相手を追加/ }))
    expect(lastDraft().partners).toEqual([{ name: '', type: 'private', role: '' }])
  })

  it('edits one outcome cell without touching the other rows', () => {
    const draft = {
      ...emptyDraft('npo'),
      outcomes: [
        { label: '参加者', value: '120', unit: '人' },
        { label: '回数', value: '4', unit: '回' },
      ],
    }
    const { lastDraft } = renderForm(draft)
    fireEvent.change(screen.getAllByLabelText('数値')[1]!, { target: { value: '５' } })
    expect(lastDraft().outcomes).toEqual([
      { label: '参加者', value: '120', unit: '人' },
      { label: '回数', value: '５', unit: '回' },
    ])
  })
})
