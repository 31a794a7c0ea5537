import type { IpcMain, WebFrameMain } from 'electron'
import { KB_EVENT_CHANNEL, KB_METHODS } from '../common/api'
import type { Dispatch } from './api/dispatch'
import type { EventHub } from './api/events'
import { bilingual, fail } from './core/errors'

/** Whether an IPC message comes from the app's own page (not a frame or a navigated page). */
export type SenderCheck = (frame: WebFrameMain | null) => boolean

export function isAppFrame(appOrigins: readonly string[]): SenderCheck {
  return (frame) => {
    // Chromium's own idea of the frame's origin: Node's URL parser does not know the app://
    // scheme and would report the origin "null" for it.
    if (!frame || frame.parent !== null) return false
    return appOrigins.includes(frame.origin)
  }
}

/**
 * Registers one handler per method of the contract's table. Each checks the sender, then hands
 * the raw arguments to the shared dispatch, which validates them before anything reaches core.
 */
export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch, isTrusted: SenderCheck): void {
  for (const method of KB_METHODS) {
    ipcMain.handle(method, async (event, ...args: unknown[]) => {
      if (!isTrusted(event.senderFrame)) {
        return fail('invalid', bilingual('許可されていない送信元です', 'Untrusted sender'))
      }
      return dispatch(method, args)
    })
  }
}

/** Forwards library events to a window until it closes. */
export function forwardEvents(events: EventHub, send: (channel: string, payload: unknown) => void) {
  return events.subscribe((event) => send(KB_EVENT_CHANNEL, event))
}
