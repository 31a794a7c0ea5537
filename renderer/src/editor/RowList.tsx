import type { ReactNode } from 'react'
import { useI18n } from '../i18n/i18n'

interface Props<T> {
  legend: string
  addLabel: string
  rows: T[]
  blank: T
  onChange(rows: T[]): void
  render(row: T, index: number, update: (row: T) => void): ReactNode
}

/** An editable list of small records (partners, outcomes) with add and remove buttons. */
export function RowList<T>({ legend, addLabel, rows, blank, onChange, render }: Props<T>) {
  const { t } = useI18n()
  return (
    <fieldset className="field wide row-list">
      <legend>{legend}</legend>
      {rows.map((row, i) => (
        <div key={i} className="row-list-item">
          {render(row, i, (next) => onChange(rows.map((r, j) => (j === i ? next : r))))}
          <button
            type="button"
            className="link-button"
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            {t('field.remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button small"
        onClick={() => onChange([...rows, { ...blank }])}
      >
        ＋ {addLabel}
      </button>
    </fieldset>
  )
}
