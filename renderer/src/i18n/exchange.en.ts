import type { exchangeJa } from './exchange.ja'

/** English strings of the exchange screens (every key of exchange.ja.ts). */
export const exchangeEn: Record<keyof typeof exchangeJa, string> = {
  'nav.exchange': 'Import & export',
}
