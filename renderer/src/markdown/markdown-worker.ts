import { markdownToHtml } from './render-markdown'

// marked runs here, off the window's thread: a pathological body (quadratic inputs, thousands of
// nesting levels) then costs a worker that is stopped after a timeout, never a frozen window.
self.onmessage = (event: MessageEvent<{ id: number; markdown: string }>) => {
  const { id, markdown } = event.data
  self.postMessage({ id, html: markdownToHtml(markdown) })
}
