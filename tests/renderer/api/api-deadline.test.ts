import { afterEach, describe, expect, it, vi } from 'vitest'
import { api } from '../../../renderer/src/api'
import { deadlineOf, withDeadline } from '../../../renderer/src/api-deadline'
import { draftKey, dropDraft, keepDraft, readDraft } from '../../../renderer/src/editor/local-draft'
import { emptyDraft } from '../../../renderer/src/editor/meta-draft'

describe('API calls when the back end is gone', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.useRealTimers()
  })

  it('a fetch that fails ("Failed to fetch") resolves to an io error instead of throwing', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    )
    const result = await api.call('cases.save', {
      id: 'a',
      meta: { title: 't', partnerTypes: ['npo'], status: 'draft' },
      body: '',
      baseRevision: 1,
    })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('io')
      expect(result.error.message).toContain('Failed to fetch')
      expect(result.error.message).toContain('接続できません')
    }
  })

  it('a call that never answers ends with a timeout error and aborts the request', async () => {
    vi.useFakeTimers()
    let signal: AbortSignal | undefined
    const pending = withDeadline(1000, (s) => {
      signal = s
      return new Promise<never>(() => {})
    })
    await vi.advanceTimersByTimeAsync(1001)
    const result = await pending
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } })
    expect(signal?.aborted).toBe(true)
  })

  it('every method has a deadline except the folder dialog, which waits for the user', () => {
    expect(deadlineOf('cases.save')).toBe(15_000)
    expect(deadlineOf('exchange.export')).toBeGreaterThan(60_000)
    expect(deadlineOf('library.pickFolder')).toBeNull()
  })
})

describe('local drafts of unsaved edits', () => {
  it('are kept per library and case and survive until dropped', () => {
    const key = draftKey('/srv/lib', 'case-1')
    expect(draftKey('/srv/other', 'case-1')).not.toBe(key)
    const draft = { ...emptyDraft(undefined), title: '書きかけ' }
    expect(keepDraft(key, { draft, body: '本文', baseRevision: 3 })).toBe(true)
    expect(readDraft(key)).toMatchObject({
      draft: { title: '書きかけ' },
      body: '本文',
      baseRevision: 3,
    })
    dropDraft(key)
    expect(readDraft(key)).toBeNull()
  })
})
