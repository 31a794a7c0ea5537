import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fiscalYearFromText } from '../../../common/fiscal-year-text'
import { MetaForm } from '../../../renderer/src/editor/MetaForm'
import {
  draftFromMeta,
  validateDraft,
  type MetaDraft,
} from '../../../renderer/src/editor/meta-draft'
import { I18nProvider } from '../../../renderer/src/i18n/i18n'
import { completeCaseMeta, PARTNER_TYPES } from '../fixtures'

afterEach(cleanup)

const validDraft = (): MetaDraft => draftFromMeta(completeCaseMeta())
const errorsOf = (edit: Partial<MetaDraft>) => validateDraft({ ...validDraft(), ...edit }).errors

describe('the title is never cut without a word', () => {
  it('keeps a 230-character title as typed, counts it and refuses it with a message', () => {
    const long = 'あ'.repeat(230)
    render(
      <I18nProvider initial="ja">
        <MetaForm
          draft={{ ...validDraft(), title: long }}
          errors={{ title: 'validation.titleTooLong' }}
          partnerTypes={PARTNER_TYPES}
          onChange={vi.fn()}
        />
      </I18nProvider>,
    )
    const title = screen.getByLabelText<HTMLInputElement>('事例名')
    expect(title.getAttribute('maxlength')).toBeNull()
    expect(title.value).toHaveLength(230)
    expect(screen.getByText('230 / 200 字（30 字多すぎます）')).toBeTruthy()
    expect(screen.getByText('事例名は 200 字以内にしてください')).toBeTruthy()
    expect(errorsOf({ title: long })).toMatchObject({ title: 'validation.titleTooLong' })
  })
})

describe('date and 年度 errors say what is wrong', () => {
  it('names a month out of 1–12', () => {
    expect(errorsOf({ periodStart: '2024-13' })).toMatchObject({ periodStart: 'validation.month' })
  })

  it('names an end before the start', () => {
    expect(errorsOf({ periodStart: '2024-06', periodEnd: '2024-01' })).toMatchObject({
      periodEnd: 'validation.endBeforeStart',
    })
  })

  it('names the expected shape of a date', () => {
    expect(errorsOf({ periodStart: '令和6年4月' })).toMatchObject({
      periodStart: 'validation.dateFormat',
    })
  })

  it('accepts 令和6, R6 and 2024 in the 年度 field', () => {
    for (const typed of ['令和6', 'R6', 'r6', '2024', '２０２４', '令和6年度']) {
      const result = validateDraft({ ...validDraft(), fiscalYear: typed })
      expect(result.input?.fiscalYear, typed).toBe(2024)
    }
    expect(fiscalYearFromText('平成30')).toBe(2018)
    expect(fiscalYearFromText('令和元年度')).toBe(2019)
    expect(errorsOf({ fiscalYear: 'そのうち' })).toMatchObject({
      fiscalYear: 'validation.fiscalYear',
    })
  })
})
