import { useEffect, useRef, useState } from 'react'
import type { CaseDoc } from '../../../common/model'
import { api } from '../api'
import { useI18n } from '../i18n/i18n'

/**
 * A change to the case being edited, made on disk by someone else (shared drive, another
 * editor), that differs from the version the editor is based on: another revision, or the same
 * revision with other files (a text editor changed case.md); null while there is none.
 * It is never swapped in silently: the user may be about to type, and saving still compares.
 */
export function useExternalChange(id: string | null, baseDoc: CaseDoc | null) {
  const [external, setExternal] = useState<CaseDoc | null>(null)
  const base = useRef(baseDoc)
  useEffect(() => {
    base.current = baseDoc
  })
  useEffect(() => {
    if (!id) return
    return api.onEvent((event) => {
      if (event.type !== 'library.changed' || !event.external || !event.ids.includes(id)) return
      void api.call('cases.get', id).then((r) => {
        if (r.ok && base.current && differs(r.value, base.current)) setExternal(r.value)
      })
    })
  }, [id])
  return { external, dismiss: () => setExternal(null) }
}

function differs(onDisk: CaseDoc, base: CaseDoc): boolean {
  const bothHashed = onDisk.filesHash !== undefined && base.filesHash !== undefined
  return (
    onDisk.meta.revision !== base.meta.revision ||
    (bothHashed && onDisk.filesHash !== base.filesHash)
  )
}

/** Says that the case changed on disk; the user reloads it or keeps editing. */
export function ExternalChangeBanner(props: {
  external: CaseDoc
  onReload(doc: CaseDoc): void
  onKeep(): void
}) {
  const { t } = useI18n()
  return (
    <div className="banner error" role="alert">
      {t('external.changed', { n: props.external.meta.revision })}{' '}
      <button type="button" className="button small" onClick={() => props.onReload(props.external)}>
        {t('external.reload')}
      </button>{' '}
      <button type="button" className="button small" onClick={props.onKeep}>
        {t('external.keep')}
      </button>
    </div>
  )
}
