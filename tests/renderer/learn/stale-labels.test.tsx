import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { KbEvent } from '../../../common/api'
import { api } from '../../../renderer/src/api'
import { RelatedCases } from '../../../renderer/src/learn/RelatedCases'
import { PARTNER_TYPES } from '../fixtures'
import { InApp } from '../in-app'
import { answer } from './fake-api'

vi.mock('../../../renderer/src/api', () => ({
  api: { call: vi.fn(), onEvent: vi.fn(), attachmentUrl: vi.fn(() => '') },
}))

afterEach(cleanup)

describe('partner-type labels after a settings edit', () => {
  it('follow the edit in the related cases without reopening the library', async () => {
    // Events reach every subscriber, as the real event stream does.
    const listeners = new Set<(event: KbEvent) => void>()
    vi.mocked(api.onEvent).mockImplementation((listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    })
    let partnerTypes = PARTNER_TYPES
    answer({
      'library.info': () => ({
        name: 'x',
        path: '/lib',
        format: 'kyodo-kb/1',
        caseCount: 1,
        partnerTypes,
      }),
      'cases.list': () => ({ cases: [], damaged: [] }),
      'glossary.get': () => ({ entries: [] }),
      'learn.related': () => ({
        related: [
          { id: 'b', title: '似た事例', score: 1, reasons: [{ kind: 'partnerType', key: 'npo' }] },
        ],
      }),
    })
    render(
      <InApp>
        <RelatedCases caseId="a" />
      </InApp>,
    )
    expect(await screen.findByText('同じ協働相手：NPO・市民活動')).toBeTruthy()

    // Settings → 協働相手の種別: the label is renamed; main reports the library change.
    partnerTypes = PARTNER_TYPES.map((t) => (t.key === 'npo' ? { ...t, ja: '市民活動団体' } : t))
    act(() => {
      for (const listener of listeners) listener({ type: 'library.changed', ids: [] })
    })
    await waitFor(() => expect(screen.getByText('同じ協働相手：市民活動団体')).toBeTruthy())
  })
})
