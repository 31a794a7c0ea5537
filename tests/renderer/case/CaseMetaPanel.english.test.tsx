import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CaseMetaPanel } from '../../../renderer/src/case/CaseMetaPanel'
import { caseMeta, PARTNER_TYPES } from '../fixtures'
import { InApp } from '../in-app'

vi.mock('../../../renderer/src/api', () => ({
  api: {
    call: vi.fn(() => Promise.resolve({ ok: true, value: { entries: [] } })),
    onEvent: vi.fn(() => () => {}),
    attachmentUrl: vi.fn(() => ''),
  },
}))
afterEach(cleanup)

describe('CaseMetaPanel in English', () => {
  it('shows 協働の形態 and 発案 in English', () => {
    render(
      <InApp language="en">
        <CaseMetaPanel
          meta={caseMeta({ forms: ['共催', '補助'], initiatedBy: 'partner' })}
          partnerTypes={PARTNER_TYPES}
          titleOf={() => undefined}
        />
      </InApp>,
    )
    expect(screen.getByText('Co-hosting, Subsidy')).toBeTruthy()
    expect(screen.getByText('Partner-initiated')).toBeTruthy()
    expect(screen.queryByText(/共催/)).toBeNull()
  })
})
