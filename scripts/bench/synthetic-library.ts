/**
 * Deterministic synthetic libraries for the benchmark: realistic Japanese case studies of about
 * 3,000 characters, built from a vocabulary of collaboration terms and the nine headings of the
 * body template, with the variant spellings real text has (全角/半角, ｶﾀｶﾅ, ひらがな, ー).
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  BODY_SECTIONS,
  COLLABORATION_FORMS,
  LIBRARY_FORMAT,
  type CaseDoc,
  type CaseMeta,
  type CaseStatus,
} from '../../common/model'
import { defaultLibraryConfig } from '../../main/core/library-config'

/** mulberry32: the same seed gives the same library on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const TOPICS = [
  '防災',
  '子育て',
  '高齢者',
  '空き家',
  '環境',
  '観光',
  '商店街',
  '学習支援',
  '福祉',
  '文化',
  'スポーツ',
  '多文化共生',
  '減災',
  '見守り',
  '食品ロス',
  '公園',
  '図書館',
  '交通',
  '健康づくり',
  '移住定住',
]
const ACTIVITIES = [
  '防災訓練',
  'ワークショップ',
  '子ども食堂',
  '見守り活動',
  '清掃活動',
  'フードドライブ',
  '出前講座',
  'サロン',
  '情報交換会',
  'まち歩き',
  'マルシェ',
  'プログラミング教室',
  '避難所運営',
  '学習会',
  '相談会',
]
const PARTNER_TEMPLATES: [string, string][] = [
  ['npo', 'NPO法人{x}ネット'],
  ['npo', '特定非営利活動法人{x}サポート'],
  ['community', '{a}自治会'],
  ['community', '{a}町内会'],
  ['private', '株式会社{x}'],
  ['academia', '{a}大学'],
  ['public', '{a}社会福祉協議会'],
  ['interdepartment', '{d}'],
]
const NAME_PARTS = [
  'みらい',
  'つなぐ',
  'あおば',
  'ひまわり',
  'かけはし',
  'ゆうわ',
  'さくら',
  'はばたき',
  'むすび',
  'こもれび',
]
const AREAS = ['北部地区', '南部地区', '東部地区', '西部地区', '中央地区', '山間地区', '湾岸地区']
const DEPARTMENTS = [
  '市民協働課',
  '防災危機管理課',
  '子育て支援課',
  '高齢福祉課',
  '都市計画課',
  '環境政策課',
  '商工観光課',
  '生涯学習課',
  '健康推進課',
  '企画政策課',
]
const STATUSES: CaseStatus[] = ['published', 'published', 'published', 'draft', 'archived']
/** Spellings that differ only in width, script or long vowels: what normalisation must bridge. */
const VARIANT_WORDS = [
  'ボランティア',
  'ぼらんてぃあ',
  'ﾎﾞﾗﾝﾃｨｱ',
  'ＮＰＯ',
  'NPO',
  'コンピューター',
  'コンピュータ',
  '２０２３年',
  '2023年',
  'ﾜｰｸｼｮｯﾌﾟ',
  '子ども',
  '子供',
  'こども',
  '町内会',
  '人々',
]
const CONNECTIVES = [
  'そこで、',
  'また、',
  'さらに、',
  'その結果、',
  '一方で、',
  '当初は',
  '最終的に',
  '',
]

const SENTENCES = [
  '{a}では{t}の課題が深刻になり、{p}と市が{f}の形で話し合いを始めました。',
  '{p}からの提案を受けて、{d}が{act}を企画し、地域の{v}も参加しました。',
  '{t}に関する{act}を年{n}回開催し、延べ{m}人が参加しました。',
  '役割分担を明確にするため、{p}は{act}の運営を、市は広報と会場確保を担当しました。',
  '共有した目標は「{t}を地域の力で支える」ことで、{v}の協力が欠かせませんでした。',
  '協働のコツは、最初に互いの得意なことを出し合い、{act}の準備を一緒に進めることです。',
  '苦労した点は、{t}の担い手不足と、{d}内部での調整に時間がかかったことでした。',
  '今後は{a}以外にも{act}を広げ、{t}の取り組みを市全体に展開する予定です。',
  '地域の課題を共有するため、{v}や{p}と情報交換会を重ねました。',
  '{act}には{v}が{n}人参加し、アンケートでは満足度が{m2}%でした。',
]

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!
}

function fill(
  random: () => number,
  template: string,
  doc: { area: string; topic: string; partner: string; dept: string },
) {
  return template
    .replaceAll('{a}', doc.area)
    .replaceAll('{t}', random() < 0.7 ? doc.topic : pick(random, TOPICS))
    .replaceAll('{p}', doc.partner)
    .replaceAll('{d}', doc.dept)
    .replaceAll('{f}', pick(random, COLLABORATION_FORMS))
    .replaceAll('{act}', pick(random, ACTIVITIES))
    .replaceAll('{v}', pick(random, VARIANT_WORDS))
    .replaceAll('{n}', String(1 + Math.floor(random() * 30)))
    .replaceAll('{m}', String(10 + Math.floor(random() * 2000)))
    .replaceAll('{m2}', String(50 + Math.floor(random() * 50)))
}

/** The n-th synthetic case; `n` also seeds it, so case 17 is the same in every library size. */
export function syntheticCase(n: number): CaseDoc {
  const random = seededRandom(n * 7919 + 1)
  const topic = pick(random, TOPICS)
  const area = pick(random, AREAS)
  const dept = pick(random, DEPARTMENTS)
  const partners = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
    const [type, template] = pick(random, PARTNER_TEMPLATES)
    const name = template
      .replace('{x}', pick(random, NAME_PARTS))
      .replace('{a}', area.replace('地区', ''))
      .replace('{d}', pick(random, DEPARTMENTS))
    return { name, type, role: `${pick(random, ACTIVITIES)}の運営` }
  })
  const ctx = { area, topic, partner: partners[0]!.name, dept }
  const fiscalYear = 2010 + Math.floor(random() * 16)
  const sections = BODY_SECTIONS.map((heading) => {
    let text = ''
    while (text.length < 300)
      text += pick(random, CONNECTIVES) + fill(random, pick(random, SENTENCES), ctx)
    // A rare word in about one case in a hundred: recall must not depend on frequency.
    if (random() < 0.01) text += 'ジオパークの活用も検討しました。'
    return `## ${heading}\n\n${text}\n`
  })
  const activity = pick(random, ACTIVITIES)
  const meta: CaseMeta = {
    schema: 1,
    id: `case-${String(n).padStart(6, '0')}`,
    title: `${area.replace('地区', '')}の${topic}と${activity}による協働 第${n}号`,
    summary: fill(random, pick(random, SENTENCES), ctx),
    partnerTypes: [...new Set(partners.map((p) => p.type))],
    partners,
    forms: [pick(random, COLLABORATION_FORMS)],
    department: dept,
    area,
    period: { start: `${fiscalYear}-0${4 + Math.floor(random() * 6)}`, end: null },
    fiscalYear,
    status: pick(random, STATUSES),
    tags: [...new Set([topic, pick(random, TOPICS)])],
    createdAt: new Date(Date.UTC(2020, 0, 1) + n * 3_600_000).toISOString(),
    updatedAt: new Date(Date.UTC(2024, 0, 1) + ((n * 7_919_000) % 31_536_000_000)).toISOString(),
    revision: 1,
  }
  return { meta, body: sections.join('\n') }
}

/** Writes `docs` as a format-v1 library (library.json, cases/<id>/case.json + case.md). */
export async function writeLibrary(dir: string, docs: CaseDoc[]): Promise<void> {
  await mkdir(join(dir, 'cases'), { recursive: true })
  const config = { ...defaultLibraryConfig('ベンチマーク用ライブラリ'), format: LIBRARY_FORMAT }
  await writeFile(join(dir, 'library.json'), `${JSON.stringify(config, null, 2)}\n`)
  for (let i = 0; i < docs.length; i += 64) {
    await Promise.all(
      docs.slice(i, i + 64).map(async ({ meta, body }) => {
        const folder = join(dir, 'cases', meta.id)
        await mkdir(folder, { recursive: true })
        await writeFile(join(folder, 'case.json'), `${JSON.stringify(meta, null, 2)}\n`)
        await writeFile(join(folder, 'case.md'), body)
      }),
    )
  }
}
