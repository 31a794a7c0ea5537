/**
 * The fixed query mix of the benchmark. `plain` queries are ANDs of words or phrases, the only
 * kind whose exact-substring ground truth is well defined (no OR, exclusion, filter or typo).
 */
export interface BenchQuery {
  query: string
  kind: string
  plain: boolean
}

const q = (query: string, kind: string, plain = false): BenchQuery => ({ query, kind, plain })

export const BENCH_QUERIES: BenchQuery[] = [
  q('協働', 'single word, in every case', true),
  q('防災', 'two characters', true),
  q('自治会', 'single word', true),
  q('空き家', 'single word', true),
  q('ワークショップ', 'katakana word', true),
  q('ジオパーク', 'rare word', true),
  q('防災 自治会', 'two words', true),
  q('子育て 支援 NPO', 'three words', true),
  q('協働 防災 子育て 環境', 'four words', true),
  q('高齢者 見守り 社会福祉協議会', 'three words', true),
  q('"防災訓練"', 'phrase', true),
  q('"地域の課題を共有する"', 'long phrase', true),
  q('"情報交換会を重ねました" 商店街', 'phrase and word', true),
  q('防災 OR 減災', 'OR'),
  q('商店街 OR 観光 マルシェ', 'OR and word'),
  q('防災 -訓練', 'exclusion'),
  q('環境 -清掃 -公園', 'exclusions'),
  q('type:npo', 'filter type'),
  q('tag:防災', 'filter tag'),
  q('year:R5', 'filter year (wareki)'),
  q('type:community 防災', 'filter and word'),
  q('dept:市民協働課 year:2023', 'filters dept and year'),
  q('status:draft form:共催', 'filters status and form'),
  q('市', 'one character', true),
  q('森', 'one character, absent', true),
  q('ボランティア', 'katakana', true),
  q('ぼらんてぃあ', 'hiragana variant', true),
  q('ﾎﾞﾗﾝﾃｨｱ', 'half-width katakana', true),
  q('ＮＰＯ', 'full-width letters', true),
  q('２０２３', 'full-width digits', true),
  q('コンピュータ', 'long-vowel variant', true),
  q('子ども', 'synonym group', true),
  q('防災訓連', 'typo'),
  q('ワークショプ', 'typo'),
  q('プログラミング教室 学習会 area:北部', 'words and area'),
]
