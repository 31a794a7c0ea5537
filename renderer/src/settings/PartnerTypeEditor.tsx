import { useState } from 'react'
import type { PartnerType } from '../../../common/model'
import { api } from '../api'
import { useI18n } from '../i18n/i18n'
import { PARTNER_TYPE_KEY_PATTERN } from '../../../common/id-pattern'
import { useNotify } from '../hooks/notify'

/** Labels and colours of the partner types, and new ones. Keys of types in use stay fixed. */
export function PartnerTypeEditor({ types }: { types: PartnerType[] }) {
  const notify = useNotify()
  const { t } = useI18n()
  const [draft, setDraft] = useState<PartnerType[]>(types)
  const [error, setError] = useState<string | null>(null)
  const original = new Set(types.map((x) => x.key))
  const update = (i: number, patch: Partial<PartnerType>) =>
    setDraft((list) => list.map((x, j) => (j === i ? { ...x, ...patch } : x)))

  const save = async () => {
    const keys = draft.map((x) => x.key)
    if (
      draft.some((x) => !PARTNER_TYPE_KEY_PATTERN.test(x.key) || !x.ja.trim() || !x.en.trim()) ||
      new Set(keys).size !== keys.length
    ) {
      return setError(t('partnerTypes.invalid'))
    }
    setError(null)
    const result = await api.call(
      'library.setPartnerTypes',
      draft.map((x) => ({ ...x, ja: x.ja.trim(), en: x.en.trim() })),
    )
    notify(result.ok ? t('partnerTypes.saved') : result.error.message)
  }

  return (
    <section className="settings-group" aria-labelledby="partner-types-title">
      <h2 id="partner-types-title">{t('partnerTypes.title')}</h2>
      <table className="edit-table">
        <thead>
          <tr>
            <th scope="col">{t('partnerTypes.key')}</th>
            <th scope="col">{t('partnerTypes.ja')}</th>
            <th scope="col">{t('partnerTypes.en')}</th>
            <th scope="col">{t('partnerTypes.color')}</th>
          </tr>
        </thead>
        <tbody>
          {draft.map((type, i) => (
            <tr key={i}>
              <td>
                <input
                  aria-label={t('partnerTypes.key')}
                  value={type.key}
                  readOnly={original.has(type.key)}
                  onChange={(e) => update(i, { key: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={t('partnerTypes.ja')}
                  value={type.ja}
                  onChange={(e) => update(i, { ja: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={t('partnerTypes.en')}
                  value={type.en}
                  onChange={(e) => update(i, { en: e.target.value })}
                />
              </td>
              <td>
                <input
                  type="color"
                  aria-label={t('partnerTypes.color')}
                  value={type.color}
                  onChange={(e) => update(i, { color: e.target.value })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="inline">
        <button
          type="button"
          className="button"
          onClick={() => setDraft([...draft, { key: '', ja: '', en: '', color: '#607080' }])}
        >
          ＋ {t('partnerTypes.add')}
        </button>
        <button type="button" className="button primary" onClick={() => void save()}>
          {t('editor.save')}
        </button>
      </div>
    </section>
  )
}
