import { COLLABORATION_FORMS, type CollaborationForm } from '../../../common/model'
import type { Translate } from '../i18n/i18n'
import type { MessageKey } from '../i18n/ja'

/**
 * 協働の形態 in the user's language. The stored values are the Japanese names (format v1), so
 * they are translated only on screen; a name outside the list is shown as stored.
 */
export function formLabel(form: string, t: Translate): string {
  const index = COLLABORATION_FORMS.indexOf(form as CollaborationForm)
  return index < 0 ? form : t(`form.${index}` as MessageKey)
}
