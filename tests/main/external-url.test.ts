import { describe, expect, it } from 'vitest'
import { isSafeExternalUrl } from '../../main/security/external-url'

// isSafeExternalUrl decides which links reach shell.openExternal (docs/architecture.md "Security
// baseline": links open externally only for http(s)/mailto after the URL is parsed). Pure function,
// no Electron.

const SAFE = [
  'https://example.com',
  'https://example.com/path/to/page?q=1&r=2#section',
  'https://www.city.example.lg.jp/kyodo/index.html',
  'HTTPS://EXAMPLE.COM/', // judged by the parsed (lower-cased) protocol
  'mailto:kyodo@city.example.lg.jp',
  'mailto:kyodo@city.example.lg.jp?subject=%E5%8D%94%E5%83%8D',
]

const UNSAFE: [label: string, url: string][] = [
  ['file: URL', 'file:///etc/passwd'],
  ['file: UNC share', 'file://server/share/setup.exe'],
  ['smb: share', 'smb://server/share/setup.exe'],
  ['javascript:', 'javascript:alert(1)'],
  ['mixed-case JaVaScRiPt:', 'JaVaScRiPt:alert(1)'],
  ['javascript: with a // comment', 'javascript://%0aalert(1)'],
  ['ms-settings:', 'ms-settings:privacy-webcam'],
  ['ms-msdt:', 'ms-msdt:/id PCWDiagnostic'],
  ['search-ms:', 'search-ms:query=setup&crumb=location:\\\\evil\\share'],
  ['vbscript:', 'vbscript:msgbox(1)'],
  ['data:', 'data:text/html,<script>alert(1)</script>'],
  ['data: base64', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
  ['blob:', 'blob:https://example.com/0b0b0b0b-0000-0000-0000-000000000000'],
  ['ftp:', 'ftp://example.com/file'],
  ['chrome:', 'chrome://settings'],
  ['about:', 'about:blank'],
  ['the app scheme', 'app://kb/index.html'],
  ['leading space', ' https://x.example'],
  ['leading tab', '\thttps://x.example'],
  ['leading newline', '\nhttps://x.example'],
  ['leading carriage return', '\rhttps://x.example'],
  ['leading NUL', '\u0000https://x.example'],
  ['leading unit separator', '\u001fhttps://x.example'],
  ['leading DEL', '\u007fhttps://x.example'],
  ['leading C1 control (NEL)', '\u0085https://x.example'],
  ['leading no-break space', '\u00a0https://x.example'],
  ['trailing NUL', 'https://x.example\u0000'],
  ['space in the middle', 'https://x.example/ a'],
  ['tab inside the scheme', 'java\tscript:alert(1)'],
  ['newline inside the scheme', 'java\nscript:alert(1)'],
  ['user and password', 'https://user:pass@host.example'],
  ['user only', 'https://user@host.example'],
  ['password only', 'https://:pass@host.example'],
  ['no scheme', 'example.com'],
  ['scheme-relative', '//example.com'],
  ['bare scheme', 'https:'],
  ['empty string', ''],
  ['over-long URL', `https://example.com/${'a'.repeat(5000)}`],
]

describe('isSafeExternalUrl', () => {
  it.each(SAFE)('accepts the https/mailto link %j', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true)
  })

  it.each(UNSAFE)('refuses %s (%j)', (_label, url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a URL object', new URL('https://example.com')],
    ['an object with toString', { toString: () => 'https://example.com' }],
    ['an array', ['https://example.com']],
  ])('refuses a non-string value: %s', (_label, value) => {
    expect(isSafeExternalUrl(value)).toBe(false)
  })
})
