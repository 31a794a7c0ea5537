import type { Language } from '../i18n/i18n'

/** "2024-05-10T09:00:00Z" → "2024/05/10" (ja) or "10 May 2024" (en), in local time. */
export function formatDate(iso: string, language: Language): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleDateString(language === 'ja' ? 'ja-JP' : 'en-GB', {
    year: 'numeric',
    month: language === 'ja' ? '2-digit' : 'short',
    day: '2-digit',
  })
}

/** "2019-04" → "2019年4月" (ja) or "Apr 2019" (en). */
export function formatYearMonth(value: string, language: Language): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value)
  if (!m) return value
  const [, y, mo, d] = m
  if (language === 'ja') return `${y}年${Number(mo)}月${d ? `${Number(d)}日` : ''}`
  const month = new Date(Number(y), Number(mo) - 1, 1).toLocaleString('en-GB', { month: 'short' })
  return `${d ? `${Number(d)} ` : ''}${month} ${y}`
}
