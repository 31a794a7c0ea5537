import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportCaseHtml, exportCaseMarkdown } from '../../../main/core/exchange/export-reading'
import { splitFrontMatter } from '../../../main/core/exchange/front-matter'
import { planImport } from '../../../main/core/exchange/markdown-import'
import { openLibrary } from '../../../main/core/library'
import { copySample, fullMetaInput, newLibrary, useTempFolders } from '../../helpers/temp-library'

const temp = useTempFolders()

const HOSTILE_BODY = [
  '## 背景・課題',
  '',
  '<script>alert(1)</script>',
  '<img src="https://evil.example/x.png" onerror="alert(2)">',
  '[危険なリンク](javascript:alert(3)) と [市のページ](https://www.city.example.jp/) と [他の事例](#/case/other-case)',
  '![追跡ピクセル](https://tracker.example/pixel.gif)',
  '<iframe src="https://evil.example"></iframe>',
  '',
].join('\n\n')

describe('export for reading', () => {
  it('makes one standalone HTML file: inline CSS, images as data: URLs, a table of contents and in-page links', async () => {
    const library = await openLibrary(await copySample(await temp.make()))
    const html = await exportCaseHtml(library, ['kenko-point', 'akiya-taisaku-kyotei'])
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('<style>')
    expect(html).toContain('src="data:image/png;base64,')
    expect(html).toContain('href="#case-kenko-point"')
    expect(html).toContain('<h1>宅建協会・NPOとの協定による空き家のワンストップ相談と利活用</h1>')
    expect(html).toContain('<h2>背景・課題</h2>')
    expect(html).not.toMatch(/<link|<script|src="https?:/i)
  })

  it('shows raw HTML in a body as text and drops script, external images and unsafe links', async () => {
    const { library } = await newLibrary(temp)
    const doc = await library.cases.create({ meta: fullMetaInput(), body: HOSTILE_BODY })
    const html = await exportCaseHtml(library, [doc.meta.id])
    const body = html.slice(html.indexOf('<body>'))
    // Mentioned as text is fine; as markup, never.
    expect(body).not.toMatch(
      /<script|<iframe|<img src="https|<[^>]*onerror=|href="javascript:|src="https:\/\/tracker/i,
    )
    expect(body).not.toContain('javascript:alert(3)')
    expect(body).toContain('&#60;script&#62;alert(1)&#60;/script&#62;')
    expect(body).toContain(
      '<a href="https://www.city.example.jp/" rel="noopener noreferrer">市のページ</a>',
    )
    expect(body).toContain('他の事例')
    expect(body).not.toContain('#/case/other-case')
    expect(html).toContain("default-src 'none'")
  })

  it('writes Markdown with YAML front matter that imports back to the same metadata', async () => {
    const { parent, library } = await newLibrary(temp)
    const doc = await library.cases.create({
      meta: fullMetaInput(),
      body: '## 背景・課題\n\n本文\n',
    })
    const markdown = await exportCaseMarkdown(library, doc.meta.id)
    const split = splitFrontMatter(markdown)
    if (!split.ok) throw new Error(split.reason)
    expect(split.body).toBe(doc.body)
    const omit = (o: object, keys: string[]) =>
      Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)))
    const meta = omit(doc.meta, ['schema'])
    expect(split.data).toEqual(meta)
    const file = join(parent, 'exported.md')
    await writeFile(file, markdown)
    const { library: other } = await newLibrary(temp)
    const plan = await planImport(other, [file])
    const item = plan.items[0]!
    expect(item.id).toBe(doc.meta.id)
    const expected = omit(meta, ['revision', 'fiscalYear'])
    expect({ ...item.meta, id: item.id }).toMatchObject({ ...expected, id: doc.meta.id })
    expect(item.meta.extra).toBeUndefined()
  })
})
