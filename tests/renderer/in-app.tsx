import type { ReactNode } from 'react'
import { NotifyProvider } from '../../renderer/src/hooks/notify'
import { I18nProvider, type Language } from '../../renderer/src/i18n/i18n'
import { LeaveGuardProvider } from '../../renderer/src/routing/leave-guard'
import { LibraryProvider } from '../../renderer/src/state/library-context'

/** A screen inside the providers the app gives it: language, leave guard, notifier, library. */
export function InApp({ children, language = 'ja' }: { children: ReactNode; language?: Language }) {
  return (
    <I18nProvider initial={language}>
      <LeaveGuardProvider>
        <NotifyProvider>
          <LibraryProvider>{children}</LibraryProvider>
        </NotifyProvider>
      </LeaveGuardProvider>
    </I18nProvider>
  )
}
