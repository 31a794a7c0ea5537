import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'

/** A tiny valid PNG (1×1), so "images" in the vault are real image files. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)
export const JPG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9])
export const PDF = Buffer.from('%PDF-1.4\n% 報告書\n%%EOF\n')

async function put(root: string, path: string, data: string | Buffer): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true })
  await writeFile(join(root, path), data)
}

/**
 * A vault as staff keep them in Obsidian: nested folders with Japanese names, front matter of
 * many shapes, images next to notes and in an assets folder, wikilinks, a note without front
 * matter, one with broken front matter, one linking outside the vault, and tool folders.
 */
export async function writeVault(root: string): Promise<void> {
  await put(root, '.obsidian/app.json', '{"theme":"dark"}')
  await put(root, '.obsidian/ignored.md', '---\ntitle: 設定\n---\n')
  await put(
    root,
    '子育て/こども食堂ネットワーク.md',
    [
      '---',
      'title: こども食堂ネットワークの立ち上げ',
      'tags: [子ども, 食支援, "#居場所"]',
      'aliases:',
      '  - こども食堂',
      'date: 2022-05-10',
      'partnerTypes: [NPO, 自治会]',
      'department: こども政策課',
      'area: 東部地区',
      'status: 公開',
      'period: 2021-04〜2023-03',
      'forms: [補助, 情報交換, 勉強会]',
      'budget: 120000',
      '担当者: 山田',
      '---',
      '# こども食堂ネットワークの立ち上げ',
      '',
      '## 背景・課題',
      '',
      '![[食堂の様子.png]]',
      '',
      '訓練は [[防災訓練|地域の防災訓練]] と連携しました。[[存在しないノート]] は未作成。',
      '',
      '```',
      '[[コードの中のリンク]] ![[食堂の様子.png]]',
      '```',
      '',
    ].join('\n'),
  )
  await put(root, '子育て/images/食堂の様子.png', PNG)
  await put(
    root,
    '防災/防災訓練.md',
    [
      '---',
      'tags: "防災, 地域、避難所"',
      'type: community',
      'start: 2019/4',
      'end: 2020-3-31',
      'description: 自主防災組織と避難所運営訓練を行った。',
      'initiatedBy: 共同',
      '---',
      '## 取り組みの内容',
      '',
      '![訓練の写真](../assets/訓練 写真.jpg "当日")',
      '',
      '詳しくは [報告書](docs/report.pdf) と [こども食堂](../子育て/こども食堂ネットワーク.md) を参照。',
      '外部: [市のページ](https://www.city.example.jp/bousai)',
      '',
    ].join('\n'),
  )
  await put(root, '防災/docs/report.pdf', PDF)
  await put(root, 'assets/訓練 写真.jpg', JPG)
  await put(
    root,
    'nature-walk.md',
    '# 自然観察会\n\n大学と一緒に[[こども食堂]]の子どもたちを案内した。\n',
  )
  await put(root, '壊れた/壊れたメモ.md', '---\ntitle: [閉じていない\ntags: x\n---\n本文\n')
  await put(root, 'outside-link.md', '---\ntitle: 外を指すノート\n---\n![x](../outside.png)\n')
}
