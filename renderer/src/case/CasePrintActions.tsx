import { useEffect, useState } from 'react'
import { api } from '../api'
import { downloadFile } from '../components/download'
import { useNotify } from '../hooks/notify'
import { useI18n } from '../i18n/i18n'
import './case-print.css'

/**
 * 印刷 and PDF for the case on screen. Printing uses the page itself with the print stylesheet
 * (case-print.css: only the case, on A4), so what the user sees is what comes out. Ctrl+P is
 * taken over while a case is shown because Electron has no print menu of its own; in a browser
 * it would print the same page anyway. The PDF is made by the main side (printToPDF in the app,
 * Chromium on the web host) from the same HTML the CLI's `export --pdf` prints.
 */
export function CasePrintActions({ caseId }: { caseId: string }) {
  const { t } = useI18n()
  const notify = useNotify()
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'p') {
        e.preventDefault()
        window.print()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  async function savePdf() {
    setBusy(true)
    const result = await api.call('exchange.export', [caseId], 'pdf')
    setBusy(false)
    if (result.ok) downloadFile(result.value)
    else notify(t('print.pdfFailed', { reason: result.error.message }))
  }

  return (
    <>
      <button type="button" className="button" onClick={() => window.print()}>
        {t('print.print')}
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => void savePdf()}>
        {busy ? t('print.pdfBusy') : t('print.pdf')}
      </button>
    </>
  )
}
