import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../../renderer/src/markdown/render-markdown'

const attachmentUrl = (name: string) => `kb-attachment://case-1/${encodeURIComponent(name)}`

/** Renders into a detached element, so assertions are about the DOM the app would get. */
function render(markdown: string): HTMLDivElement {
  const container = document.createElement('div')
  container.innerHTML = renderMarkdown(markdown, attachmentUrl)
  return container
}

const DANGEROUS_TAGS = [
  'script',
  'iframe',
  'frame',
  'embed',
  'object',
  'applet',
  'svg',
  'math',
  'meta',
  'base',
  'link',
  'form',
  'input',
  'button',
  'style',
  'template',
  'noscript',
]
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster']
const ALLOWED_URL = /^(?:https?:\/\/|mailto:|#|kb-attachment:\/\/case-1\/)/i

/** Every way a rendered fragment could run code, load a frame or leave the app. */
function expectInert(container: HTMLElement): void {
  for (const tag of DANGEROUS_TAGS) expect(container.querySelector(tag), tag).toBeNull()
  for (const element of container.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(attribute.name, `${element.tagName} ${attribute.name}`).not.toMatch(/^on/i)
      expect(attribute.name).not.toBe('style')
      expect(attribute.name).not.toBe('srcdoc')
      if (URL_ATTRIBUTES.includes(attribute.name)) {
        expect(attribute.value, `${element.tagName} ${attribute.name}`).toMatch(ALLOWED_URL)
      }
    }
  }
}

describe('renderMarkdown: untrusted HTML is inert', () => {
  const attacks: [string, string][] = [
    ['raw script', '<script>alert(1)</script>'],
    ['script inside markdown paragraph', 'text <script>alert(1)</script> more'],
    ['img onerror', '<img src="x" onerror="alert(1)">'],
    ['javascript: markdown link', '[click](javascript:alert(1))'],
    ['mixed-case scheme', '[click](JaVaScRiPt:alert(1))'],
    ['javascript: raw anchor', '<a href="javascript:alert(1)">click</a>'],
    ['entity-encoded scheme', '<a href="&#106;avascript:alert(1)">click</a>'],
    ['hex entity-encoded scheme', '<a href="&#x6A;avascript&#x3A;alert(1)">click</a>'],
    ['tab inside scheme', '<a href="java\tscript:alert(1)">click</a>'],
    ['newline inside scheme', '<a href="java\nscript:alert(1)">click</a>'],
    ['encoded tab inside scheme', '<a href="java&#9;script:alert(1)">click</a>'],
    ['leading whitespace before scheme', '<a href=" javascript:alert(1)">click</a>'],
    ['data:text/html link', '<a href="data:text/html,<script>alert(1)</script>">click</a>'],
    ['data: markdown link', '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['vbscript link', '<a href="vbscript:msgbox(1)">click</a>'],
    ['file: link', '<a href="file:///C:/Windows/System32/calc.exe">click</a>'],
    ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
    ['iframe src', '<iframe src="https://evil.example"></iframe>'],
    ['embed', '<embed src="https://evil.example/x.swf">'],
    ['object', '<object data="https://evil.example/x.swf"></object>'],
    ['svg with script', '<svg><script>alert(1)</script></svg>'],
    ['svg onload', '<svg onload="alert(1)"><circle r="1"/></svg>'],
    [
      'svg animate href',
      '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>',
    ],
    ['mathml href', '<math><mtext><a href="javascript:alert(1)">x</a></mtext></math>'],
    [
      'mathml namespace confusion',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
    ],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example">'],
    ['base href', '<base href="https://evil.example/">'],
    ['link stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css">'],
    [
      'form action',
      '<form action="https://evil.example"><input name="q"><button>go</button></form>',
    ],
    ['button formaction', '<button formaction="javascript:alert(1)">go</button>'],
    ['style element', '<style>body { display: none }</style>'],
    ['style attribute', '<p style="position:fixed;inset:0;background:red">cover</p>'],
    ['details ontoggle', '<details open ontoggle="alert(1)"><summary>x</summary></details>'],
    ['body onload', '<body onload="alert(1)">'],
    ['template', '<template><script>alert(1)</script></template>'],
    [
      'noscript mutation',
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    ],
    [
      'video poster',
      '<video poster="javascript:alert(1)"><source src="x" onerror="alert(1)"></video>',
    ],
    ['img srcset', '<img srcset="https://evil.example/a.png 1x">'],
  ]

  it.each(attacks)('%s renders inert', (_name, markdown) => {
    expectInert(render(markdown))
  })

  it('removes a javascript: link target and keeps the link text', () => {
    const container = render('[クリック](javascript:alert(1))')
    expect(container.textContent).toContain('クリック')
    expect(container.querySelector('a')?.hasAttribute('href') ?? false).toBe(false)
  })

  it('does not keep protocol-relative links to another host', () => {
    const container = render('<a href="//evil.example/phish">x</a> [y](//evil.example/phish)')
    for (const link of container.querySelectorAll('a')) {
      expect(link.getAttribute('href') ?? '').not.toMatch(/^\/\//)
    }
  })

  it('prefixes or removes id and name so content cannot clobber document globals', () => {
    const container = render(
      '<img name="getElementById" src="attachments/a.png"><form id="x"></form><a id="location" name="cookie">y</a>',
    )
    document.body.append(container)
    try {
      expect(typeof document.getElementById).toBe('function')
      expect(typeof document.cookie).toBe('string')
      expect((window as unknown as Record<string, unknown>)['x']).toBeUndefined()
      for (const element of container.querySelectorAll('[id], [name]')) {
        expect(['getElementById', 'x', 'location', 'cookie']).not.toContain(element.id)
        expect(['getElementById', 'x', 'location', 'cookie']).not.toContain(
          element.getAttribute('name'),
        )
      }
    } finally {
      container.remove()
    }
  })
})

describe('renderMarkdown: image maps and attachment names', () => {
  it('drops image maps, so an <area> link cannot replace the app page', () => {
    const container = render(
      '<map name="m"><area href="https://evil.example/" shape="default"></map>' +
        '<img src="attachments/photo.png" usemap="#m">',
    )
    expect(container.querySelectorAll('map, area').length).toBe(0)
    expect(container.innerHTML).not.toContain('evil.example')
  })

  it('only a single file name inside attachments/ becomes an attachment', () => {
    // ATTACHMENT_PATH checks the raw URL, but the name is percent-decoded afterwards, so
    // "..", "%2e%2e" and "%2F..%2Fx" become attachment names ("..", "..", "/../x").
    const names: string[] = []
    const recording = (name: string) => {
      names.push(name)
      return attachmentUrl(name)
    }
    renderMarkdown(
      '[a](attachments/..) ![b](attachments/%2e%2e) [c](attachments/%2F..%2Fx)',
      recording,
    )
    expect(names.filter((name) => name === '.' || name === '..' || /[/\\]/.test(name))).toEqual([])
  })
})

describe('renderMarkdown: ordinary Markdown survives', () => {
  it('keeps headings, lists, emphasis, blockquotes and code blocks', () => {
    const container = render(
      [
        '# 背景・課題',
        '## 役割分担',
        '',
        '- 市: 会場の手配',
        '- NPO: 当日の運営',
        '',
        '1. 準備',
        '2. 実施',
        '',
        '**重要** と *強調* と `code`',
        '',
        '> 参加者の声: とても良かった',
        '',
        '```',
        'const x = 1 < 2',
        '```',
      ].join('\n'),
    )
    expect(container.querySelector('h1')?.textContent).toBe('背景・課題')
    expect(container.querySelector('h2')?.textContent).toBe('役割分担')
    expect(container.querySelectorAll('ul > li')).toHaveLength(2)
    expect(container.querySelectorAll('ol > li')).toHaveLength(2)
    expect(container.querySelector('strong')?.textContent).toBe('重要')
    expect(container.querySelector('em')?.textContent).toBe('強調')
    expect(container.querySelector('blockquote')?.textContent).toContain('参加者の声')
    expect(container.querySelector('pre code')?.textContent).toBe('const x = 1 < 2\n')
  })

  it('keeps GFM tables', () => {
    const container = render('| 項目 | 数値 |\n| --- | ---: |\n| 参加者 | 120 |\n| 回数 | 4 |')
    expect(container.querySelector('table')).not.toBeNull()
    expect(container.querySelectorAll('thead th')).toHaveLength(2)
    expect([...container.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      '参加者',
      '120',
      '回数',
      '4',
    ])
  })

  it('opens https links in a new window without an opener', () => {
    const link = render('[市のサイト](https://www.city.example.lg.jp/)').querySelector('a')!
    expect(link.getAttribute('href')).toBe('https://www.city.example.lg.jp/')
    expect(link.getAttribute('target')).toBe('_blank')
    expect(link.getAttribute('rel')?.split(/\s+/)).toContain('noopener')
  })

  it('keeps mailto and in-page anchor links', () => {
    const links = render(
      '[連絡](mailto:kyodo@city.example.lg.jp) と [上へ](#top)',
    ).querySelectorAll('a')
    expect(links[0]!.getAttribute('href')).toBe('mailto:kyodo@city.example.lg.jp')
    expect(links[1]!.getAttribute('href')).toBe('#top')
    expect(links[1]!.hasAttribute('target')).toBe(false)
  })

  it('points attachment images at the URL attachmentUrl returns', () => {
    const image = render('![会場の様子](attachments/photo.png)').querySelector('img')!
    expect(image.getAttribute('src')).toBe(attachmentUrl('photo.png'))
    expect(image.getAttribute('alt')).toBe('会場の様子')
  })

  it('accepts ./attachments/ paths too', () => {
    const image = render('![x](./attachments/photo.png)').querySelector('img')!
    expect(image.getAttribute('src')).toBe(attachmentUrl('photo.png'))
  })

  it('links attachment files for download under their Japanese name', () => {
    const link = render('[報告書](attachments/報告書.pdf)').querySelector('a')!
    expect(link.getAttribute('href')).toBe(attachmentUrl('報告書.pdf'))
    expect(link.getAttribute('download')).toBe('報告書.pdf')
    expect(link.textContent).toBe('報告書')
  })

  it('decodes percent-encoded attachment names once', () => {
    const link = render('[報告書](attachments/%E5%A0%B1%E5%91%8A%E6%9B%B8.pdf)').querySelector('a')!
    expect(link.getAttribute('href')).toBe(attachmentUrl('報告書.pdf'))
  })

  it('does not treat paths outside attachments/ as attachments', () => {
    const container = render('![x](attachments/../secret.png) [y](attachments/sub/z.pdf)')
    expect(container.querySelector('img')?.getAttribute('src') ?? null).toBeNull()
    expect(container.querySelector('a')?.getAttribute('href') ?? null).toBeNull()
  })

  it('drops the source of remote images but keeps the alt text', () => {
    const image = render('![追跡](https://tracker.example/pixel.png)').querySelector('img')!
    expect(image.hasAttribute('src')).toBe(false)
    expect(image.getAttribute('alt')).toBe('追跡')
  })

  it('does not show HTML comments as text', () => {
    const container = render('前<!-- 内部メモ: 非公開 -->後\n\n<!-- block comment -->')
    expect(container.textContent).not.toContain('内部メモ')
    expect(container.textContent).not.toContain('block comment')
    expect(container.textContent).toContain('前')
  })
})
