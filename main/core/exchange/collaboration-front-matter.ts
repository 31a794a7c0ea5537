import {
  COLLABORATION_ELEMENTS,
  COLLABORATION_ELEMENT_JA,
  type CollaborationElement,
} from '../../../common/model'

/** Element names people write in hand-made front matter, beside the format's own keys. */
const ELEMENT_WORDS: Record<string, CollaborationElement> = Object.fromEntries([
  ...COLLABORATION_ELEMENTS.map((e) => [e, e]),
  ...COLLABORATION_ELEMENTS.map((e) => [COLLABORATION_ELEMENT_JA[e], e]),
  ['主体性', 'ownership'],
  ['主体', 'ownership'],
  ['課題', 'problem'],
  ['目標', 'goal'],
  ['共感', 'goal'],
  ['取り組み', 'action'],
  ['実行', 'action'],
]) as Record<string, CollaborationElement>

const OVERALL_WORDS = new Set(['note', 'メモ', '全体', '全体のメモ'])

/**
 * A front matter `collaboration:` (or `協働の4要素:`) as the format's shape, accepting what a person
 * types by hand: Japanese element names (ともに主体的に: …, 主体性: …) and a bare score
 * (`goal: 4`, `目標: "4"`) for `{score: 4}`. Anything else is passed on unchanged, so the schema
 * decides and a value that does not fit ends up under `extra` with a warning, as for every field.
 */
export function collaborationFromFrontMatter(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const name = key.normalize('NFKC').trim()
    const element = ELEMENT_WORDS[name] ?? ELEMENT_WORDS[name.toLowerCase()]
    if (element) out[element] = elementOf(item)
    else if (OVERALL_WORDS.has(name.toLowerCase())) out.note = item
    else out[key] = item
  }
  return out
}

function elementOf(item: unknown): unknown {
  if (typeof item === 'number') return { score: item }
  if (typeof item === 'string' && /^[1-5]$/.test(item.normalize('NFKC').trim()))
    return { score: Number(item.normalize('NFKC').trim()) }
  if (item && typeof item === 'object' && !Array.isArray(item)) {
    const { 点数, 評価, メモ, ...rest } = item as Record<string, unknown>
    const score = rest.score ?? 点数 ?? 評価
    const note = rest.note ?? メモ
    return {
      ...rest,
      ...(score === undefined ? {} : { score: typeof score === 'string' ? Number(score) : score }),
      ...(note === undefined ? {} : { note }),
    }
  }
  return item
}
