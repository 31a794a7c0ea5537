/** Japanese strings of the exchange screens. */
export const exchangeJa = {
  'nav.exchange': '取り込み・書き出し',
} as const
