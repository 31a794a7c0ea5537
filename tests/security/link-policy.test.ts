import { describe, expect, it } from 'vitest'
import { argumentSchemas } from '../../main/api/schemas'
import { isSafeExternalUrl } from '../../main/security/external-url'

// Which links may leave the app. Issue 2 (which docs/architecture.md "Security baseline" follows)
// allows http(s) and mailto; everything else is refused (tests/main/external-url.test.ts).

describe('external links: http(s) and mailto only (issue 2)', () => {
  it('hands web pages and mail to the OS, after parsing', () => {
    expect(isSafeExternalUrl('https://www.example.com/')).toBe(true)
    expect(isSafeExternalUrl('http://www.example.com/')).toBe(true)
    expect(isSafeExternalUrl('mailto:kyodo@city.example.jp')).toBe(true)
  })
})

describe('case metadata links (sources[].url) are https/mailto only', () => {
  const createWithSource = (url: string) =>
    argumentSchemas['cases.create'].safeParse([
      { meta: { title: '出典', sources: [{ title: '報告書', url }] } },
    ])

  it('accepts an https source', () => {
    expect(createWithSource('https://www.city.example.lg.jp/report.pdf').success).toBe(true)
  })

  // Source links come from imports too: only web and mail schemes are accepted.
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///C:/Windows/System32/calc.exe',
    'smb://server/share/setup.exe',
    'ms-settings:privacy',
  ])('refuses the source URL %s as invalid', (url) => {
    expect(createWithSource(url).success).toBe(false)
  })
})
