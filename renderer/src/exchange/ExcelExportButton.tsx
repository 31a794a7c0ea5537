import { useState } from 'react'
import { api } from '../api'
import { downloadFile } from '../components/download'
import { useNotify } from '../hooks/notify'
import { useI18n } from '../i18n/i18n'

/**
 * Exports exactly the cases of the list on screen (the whole library, a facet or a search
 * result, in the order shown) as the 事例一覧 spreadsheet, which city halls keep and exchange.
 */
export function ExcelExportButton({ ids }: { ids: string[] }) {
  const { t } = useI18n()
  const notify = useNotify()
  const [busy, setBusy] = useState(false)

  async function exportList() {
    setBusy(true)
    const result = await api.call('exchange.export', ids, 'xlsx')
    setBusy(false)
    if (result.ok) downloadFile(result.value)
    else notify(result.error.message)
  }

  return (
    <button
      type="button"
      className="link-button small"
      disabled={busy || ids.length === 0}
      title={t('export.listXlsxTitle', { n: ids.length })}
      onClick={() => void exportList()}
    >
      {t('export.listXlsx')}
    </button>
  )
}
