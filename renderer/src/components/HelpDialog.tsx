import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/ja'
import { Dialog } from './Dialog'

export const SHORTCUTS: [string, MessageKey][] = [
  ['Ctrl+K', 'help.search'],
  ['Alt+N', 'help.new'],
  ['Ctrl+S', 'help.save'],
  ['Alt+↓ / J', 'help.next'],
  ['Alt+↑ / K', 'help.prev'],
  ['F1 / ?', 'help.help'],
  ['Esc', 'help.escape'],
]

/** The keyboard shortcuts, listed. */
export function HelpDialog({ onClose }: { onClose(): void }) {
  const { t } = useI18n()
  return (
    <Dialog title={t('help.title')} onClose={onClose}>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, label]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{t(label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={onClose} autoFocus>
          {t('help.close')}
        </button>
      </div>
    </Dialog>
  )
}
