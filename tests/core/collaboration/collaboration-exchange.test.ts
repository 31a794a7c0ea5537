import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CollaborationCheck } from '../../../common/model'
import { exportCaseHtml, exportCaseMarkdown } from '../../../main/core/exchange/export-reading'
import { planImport, runImport } from '../../../main/core/exchange/markdown-import'
import { exportPackage } from '../../../main/core/exchange/package'
import { runShow } from '../../../main/cli/commands/show'
import { fullMetaInput, newLibrary, useTempFolders } from '../../helpers/temp-library'

const temp = useTempFolders()

const CHECK: CollaborationCheck = {
  ownership: { score: 2, note: '商店会は名前を貸しただけだった。' },
  problem: { score: 3 },
  goal: { score: 4, note: '2年目に目標を一緒に書き直した。' },
  action: { score: 5 },
  note: '名ばかりから始まった。',
}

async function libraryWithCheckedCase() {
  const made = await newLibrary(temp)
  const doc = await made.library.cases.create({
    meta: fullMetaInput({ collaboration: CHECK }),
    body: '## 苦労と教訓\n\n- 最初は名義だけだった\n',
  })
  return { ...made, id: doc.meta.id }
}

describe('協働の4要素 in exports and imports', () => {
  it('HTML export shows each scored element with its score and note, and the overall note', async () => {
    const { library, id } = await libraryWithCheckedCase()
    const html = await exportCaseHtml(library, [id])
    expect(html).toContain('<th>協働の4要素</th>')
    expect(html).toContain('ともに主体的に 2/5：商店会は名前を貸しただけだった。')
    expect(html).toContain('課題に向き合う 3/5<br>')
    expect(html).toContain('目標に共感する 4/5：2年目に目標を一緒に書き直した。')
    expect(html).toContain('ともに取り組む 5/5')
    expect(html).toContain('名ばかりから始まった。')
  })

  it('HTML export has no 協働の4要素 row for an unchecked case', async () => {
    const { library } = await newLibrary(temp)
    const meta = fullMetaInput()
    delete meta.collaboration
    const doc = await library.cases.create({ meta })
    expect(await exportCaseHtml(library, [doc.meta.id])).not.toContain('協働の4要素')
  })

  it('Markdown export writes the check into the front matter and importing it restores it', async () => {
    const { parent, library, id } = await libraryWithCheckedCase()
    const markdown = await exportCaseMarkdown(library, id)
    expect(markdown).toMatch(/\ncollaboration:\n {2}ownership:\n {4}score: 2\n/)
    const file = join(parent, 'exported.md')
    await writeFile(file, markdown)
    const { library: other } = await newLibrary(temp)
    const summary = await runImport(other, await planImport(other, [file]), { onDuplicate: 'skip' })
    const imported = await other.cases.get(summary.imported[0]!.id)
    expect(imported.meta.collaboration).toEqual(CHECK)
  })

  it('imports a note written with the Japanese key 協働の4要素, and keeps a bad one under extra', async () => {
    const { parent, library } = await newLibrary(temp)
    const folder = join(parent, 'notes')
    await mkdir(folder)
    await writeFile(
      join(folder, 'good.md'),
      '---\ntitle: 良い例\n協働の4要素:\n  goal:\n    score: 5\n    note: 最初から同じ目標\n---\n本文\n',
    )
    await writeFile(
      join(folder, 'bad.md'),
      '---\ntitle: 悪い例\ncollaboration:\n  goal: とても高い\n---\n本文\n',
    )
    const plan = await planImport(library, [folder])
    const good = plan.items.find((i) => i.title === '良い例')!
    const bad = plan.items.find((i) => i.title === '悪い例')!
    expect(good.meta.collaboration).toEqual({ goal: { score: 5, note: '最初から同じ目標' } })
    expect(bad.meta.collaboration).toBeUndefined()
    expect(bad.meta.extra).toEqual({ collaboration: { goal: 'とても高い' } })
    expect(bad.warnings.join()).toContain('collaboration')
  })

  it('reads a hand-written check: Japanese element names, bare scores, 点数/メモ', async () => {
    const { parent, library } = await newLibrary(temp)
    const file = join(parent, 'hand.md')
    await writeFile(
      file,
      [
        '---',
        'title: 手書きの振り返り',
        '協働の4要素:',
        '  ともに主体的に: 2',
        '  課題: "４"',
        '  目標に共感する:',
        '    点数: 3',
        '    メモ: 目標は後から共有した',
        '  action: { score: 5 }',
        '  メモ: 名義後援から始まった',
        '---',
        '本文',
        '',
      ].join('\n'),
    )
    const plan = await planImport(library, [file])
    expect(plan.items[0]!.meta.collaboration).toEqual({
      ownership: { score: 2 },
      problem: { score: 4 },
      goal: { score: 3, note: '目標は後から共有した' },
      action: { score: 5 },
      note: '名義後援から始まった',
    })
    expect(plan.items[0]!.warnings.join()).not.toContain('collaboration')
    expect(plan.items[0]!.meta.extra).toBeUndefined()
  })

  it('a case package carries the check to another library unchanged', async () => {
    const { parent, library, id } = await libraryWithCheckedCase()
    const file = join(parent, 'package.zip')
    await writeFile(file, await exportPackage(library, [id]))
    const { library: target } = await newLibrary(temp)
    await runImport(target, await planImport(target, [file]), { onDuplicate: 'skip' })
    expect((await target.cases.get(id)).meta.collaboration).toEqual(CHECK)
  })

  it('kb show prints the check on one line', async () => {
    const { dir, id } = await libraryWithCheckedCase()
    let text = ''
    const code = await runShow([dir, id], { stdout: (t) => (text += t), stderr: () => undefined })
    expect(code).toBe(0)
    expect(text).toContain(
      '協働の4要素: ともに主体的に 2/5：商店会は名前を貸しただけだった。 / 課題に向き合う 3/5 / ',
    )
  })
})
