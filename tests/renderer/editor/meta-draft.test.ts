// @vitest-environment node
// Pure logic: no DOM needed, and skipping jsdom keeps the suite quick.
import { describe, expect, it } from 'vitest'
import type { CaseMeta } from '../../../common/model'
import {
  draftFromMeta,
  draftToInput,
  emptyDraft,
  errorsFromIssues,
  validateDraft,
  type MetaDraft,
} from '../../../renderer/src/editor/meta-draft'
import { completeCaseMeta } from '../fixtures'

/** The fields a person edits: what validateDraft must give back for an untouched case. */
function editableFieldsOf(meta: CaseMeta): Record<string, unknown> {
  const owned = ['schema', 'id', 'createdAt', 'updatedAt', 'revision']
  return Object.fromEntries(Object.entries(meta).filter(([key]) => !owned.includes(key)))
}

const validDraft = (): MetaDraft => draftFromMeta(completeCaseMeta())

function errorsOf(edit: Partial<MetaDraft>) {
  const result = validateDraft({ ...validDraft(), ...edit })
  expect(result.input).toBeNull()
  return result.errors!
}

describe('emptyDraft', () => {
  it('starts as a draft with the first partner type ticked and every text empty', () => {
    const draft = emptyDraft('community')
    expect(draft.status).toBe('draft')
    expect(draft.partnerTypes).toEqual(['community'])
    expect(draft.title).toBe('')
    expect(draft.outcomes).toEqual([])
    expect(emptyDraft(undefined).partnerTypes).toEqual([])
  })

  it('needs only a title to be saved', () => {
    const result = validateDraft({ ...emptyDraft('community'), title: '新しい事例' })
    expect(result.input).toEqual({
      title: '新しい事例',
      partnerTypes: ['community'],
      status: 'draft',
    })
  })
})

describe('validateDraft: valid drafts', () => {
  it('round-trips a complete case unchanged, including an open-ended period', () => {
    const meta = completeCaseMeta()
    const result = validateDraft(draftFromMeta(meta))
    expect(result.errors).toBeNull()
    expect(result.input).toEqual(editableFieldsOf(meta))
    expect(result.input!.period).toEqual({ start: '2019-02', end: null })
  })

  it('does not share arrays with the meta it was made from', () => {
    const meta = completeCaseMeta()
    const draft = draftFromMeta(meta)
    draft.partnerTypes.push('community')
    draft.partners[0]!.name = '変更'
    draft.sources[0]!.title = '変更'
    expect(meta.partnerTypes).toEqual(['private', 'npo'])
    expect(meta.partners![0]!.name).toBe('かすみ野宅地建物取引業協会')
    expect(meta.sources![0]!.title).toBe('協定書')
  })

  it('reads numbers typed with full-width digits', () => {
    const draft = validDraft()
    draft.outcomes = [{ label: '参加者', value: '１２０', unit: '人' }]
    draft.fiscalYear = '２０２４'
    draft.evaluationCity = '３'
    const { input } = validateDraft(draft)
    expect(input?.outcomes).toEqual([{ label: '参加者', value: 120, unit: '人' }])
    expect(input?.fiscalYear).toBe(2024)
    expect(input?.evaluation?.city).toBe(3)
  })

  it('splits tags on 、 , and ， and trims them', () => {
    const { input } = validateDraft({
      ...validDraft(),
      tags: '防災、 子育て ,高齢者，まちづくり、',
    })
    expect(input?.tags).toEqual(['防災', '子育て', '高齢者', 'まちづくり'])
  })

  it('splits related ids on commas and keeps them as ids', () => {
    const { input } = validateDraft({ ...validDraft(), related: 'a-case, b-case，c-case' })
    expect(input?.related).toEqual(['a-case', 'b-case', 'c-case'])
  })

  it('trims text fields', () => {
    const { input } = validateDraft({
      ...validDraft(),
      title: '  事例名  ',
      department: ' 市民協働課 ',
    })
    expect(input?.title).toBe('事例名')
    expect(input?.department).toBe('市民協働課')
  })

  it('keeps a closed period', () => {
    const { input } = validateDraft({
      ...validDraft(),
      periodStart: '2023-04',
      periodEnd: '2024-03-31',
    })
    expect(input?.period).toEqual({ start: '2023-04', end: '2024-03-31' })
  })
})

describe('draftToInput: empty optional fields are omitted, not sent as ""', () => {
  it('leaves out every optional field the user left empty', () => {
    const input = draftToInput({ ...emptyDraft('npo'), title: '事例' })
    expect(input).toEqual({ title: '事例', partnerTypes: ['npo'], status: 'draft' })
    expect(Object.values(input)).not.toContain('')
  })

  it('leaves out whitespace-only fields and empty groups', () => {
    const input = draftToInput({
      ...emptyDraft('npo'),
      title: '事例',
      summary: '   ',
      department: ' ',
      tags: '、 ,',
      related: ' ',
      evaluationNote: '  ',
      contactName: '',
      contactSection: ' ',
      lastVerified: '',
    })
    for (const key of [
      'summary',
      'department',
      'tags',
      'related',
      'evaluation',
      'contact',
      'lastVerified',
    ]) {
      expect(input, key).not.toHaveProperty(key)
    }
  })

  it('keeps only the filled members of evaluation and contact', () => {
    const input = draftToInput({
      ...emptyDraft('npo'),
      title: '事例',
      evaluationCity: '4',
      contactSection: '市民協働課',
    })
    expect(input.evaluation).toEqual({ city: 4 })
    expect(input.contact).toEqual({ section: '市民協働課' })
  })
})

describe('validateDraft: errors by field', () => {
  it('requires a title', () => {
    expect(errorsOf({ title: '' }).title).toBe('validation.required')
    expect(errorsOf({ title: '   ' }).title).toBe('validation.required')
  })

  it('reports a title over 200 characters as too long', () => {
    expect(errorsOf({ title: 'あ'.repeat(201) }).title).toBe('validation.titleTooLong')
  })

  it('requires at least one partner type', () => {
    expect(errorsOf({ partnerTypes: [] }).partnerTypes).toBe('validation.required')
  })

  it('rejects a period start that is not a real month', () => {
    expect(errorsOf({ periodStart: '2024-13' }).periodStart).toBe('validation.month')
    expect(errorsOf({ periodStart: '2024/04' }).periodStart).toBe('validation.dateFormat')
  })

  it('rejects a malformed period end on the end field', () => {
    expect(errorsOf({ periodEnd: '2025-3' }).periodEnd).toBe('validation.dateFormat')
  })

  it('reports an end before the start on the end field', () => {
    const errors = errorsOf({ periodStart: '2024-04', periodEnd: '2023-03' })
    expect(errors.periodEnd).toBe('validation.endBeforeStart')
    expect(errors.periodStart).toBeUndefined()
  })

  it('reports ratings outside 1–5 as out of range', () => {
    expect(errorsOf({ evaluationCity: '7' }).evaluationCity).toBe('validation.range')
    expect(errorsOf({ evaluationPartner: '0' }).evaluationPartner).toBe('validation.range')
  })

  it('reports a rating that is not a number', () => {
    expect(errorsOf({ evaluationCity: 'とても良い' }).evaluationCity).toBeDefined()
  })

  it('reports a non-numeric outcome value on that row and column', () => {
    const errors = errorsOf({
      outcomes: [
        { label: '参加者', value: 'abc', unit: '人' },
        { label: '回数', value: '4', unit: '回' },
      ],
    })
    expect(errors['outcomes.0.value']).toBeDefined()
    expect(errors['outcomes.1.value']).toBeUndefined()
  })

  it('reports an empty outcome value instead of saving zero', () => {
    expect(
      errorsOf({ outcomes: [{ label: '参加者', value: '', unit: '人' }] })['outcomes.0.value'],
    ).toBeDefined()
  })

  it('requires an outcome label', () => {
    expect(errorsOf({ outcomes: [{ label: ' ', value: '1', unit: '' }] })['outcomes.0.label']).toBe(
      'validation.required',
    )
  })

  it('requires a partner name', () => {
    const errors = errorsOf({ partners: [{ name: '', type: 'npo', role: '' }] })
    expect(errors['partners.0.name']).toBe('validation.required')
  })

  it('reports a summary over 280 characters as too long', () => {
    expect(errorsOf({ summary: 'あ'.repeat(281) }).summary).toBe('validation.summaryTooLong')
    expect(validateDraft({ ...validDraft(), summary: 'あ'.repeat(280) }).errors).toBeNull()
  })

  it('reports a fiscal year that is not a year (令和6 is one)', () => {
    expect(errorsOf({ fiscalYear: '来年' }).fiscalYear).toBe('validation.fiscalYear')
    expect(errorsOf({ fiscalYear: '1800' }).fiscalYear).toBe('validation.range')
  })

  it('reports an over-long tag on the tags field', () => {
    expect(errorsOf({ tags: `防災、${'あ'.repeat(51)}` }).tags).toBe('validation.tooLong')
  })

  it('reports an invalid related id on the related field', () => {
    expect(errorsOf({ related: 'ok-id, Not An Id' }).related).toBeDefined()
  })

  it('reports a malformed last-verified date', () => {
    expect(errorsOf({ lastVerified: '2025-02-30x' }).lastVerified).toBe('validation.format')
  })

  it('reports several problems at once, one message per field', () => {
    const errors = errorsOf({ title: '', partnerTypes: [], evaluationCity: '9' })
    expect(Object.keys(errors).sort()).toEqual(['evaluationCity', 'partnerTypes', 'title'])
  })

  it('reports an end month typed without a start month instead of dropping it', () => {
    const result = validateDraft({ ...validDraft(), periodStart: '', periodEnd: '2025-03' })
    expect(result.errors?.periodStart ?? result.errors?.periodEnd).toBeDefined()
  })

  it('a period ending in the month it started on a given day is accepted', () => {
    // The schema compares "2024-04" >= "2024-04-15" as strings, so a month-precision end in
    // the start's own month is rejected as "before the start".
    expect(
      validateDraft({ ...validDraft(), periodStart: '2024-04-15', periodEnd: '2024-04' }).errors,
    ).toBeNull()
  })
})

describe('errorsFromIssues', () => {
  it('maps the API’s string paths to form fields', () => {
    expect(
      errorsFromIssues([
        { path: 'period.start', message: 'x', code: 'invalid_format' },
        { path: 'contact.name', message: 'x', code: 'too_big' },
        { path: 'tags.2', message: 'x', code: 'too_big' },
        { path: 'outcomes.1.value', message: 'x' },
      ]),
    ).toEqual({
      periodStart: 'validation.format',
      contactName: 'validation.tooLong',
      tags: 'validation.tooLong',
      'outcomes.1.value': 'validation.invalid',
    })
  })

  it('keeps the first message when a field has several issues', () => {
    expect(
      errorsFromIssues([
        { path: 'title', message: 'x', code: 'too_small' },
        { path: 'title', message: 'y', code: 'too_big' },
      ]),
    ).toEqual({ title: 'validation.required' })
  })
})
