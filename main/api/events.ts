import type { KbEvent } from '../../common/api'

export type KbEventListener = (event: KbEvent) => void

/** Fan-out of KbEvents to every window (IPC) and every web client (SSE). */
export class EventHub {
  private readonly listeners = new Set<KbEventListener>()

  subscribe(listener: KbEventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit(event: KbEvent): void {
    for (const listener of this.listeners) listener(event)
  }
}
