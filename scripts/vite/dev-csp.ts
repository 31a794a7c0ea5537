import { createHash } from 'node:crypto'
import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY } from '../../main/security/csp'

const META_CSP = /<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*"\s*\/?>/i
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi

/**
 * The app's CSP for `npm run dev`: the production policy, plus exactly the inline scripts of the
 * dev page by their SHA-256 (React fast refresh's preamble, which @vitejs/plugin-react writes
 * into index.html) and the dev server's websocket for hot reload. Nothing else is relaxed.
 */
export function devContentSecurityPolicy(inlineScripts: string[]): string {
  const hashes = inlineScripts.map(
    (code) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`,
  )
  return (
    CONTENT_SECURITY_POLICY.split('; ')
      // A meta element cannot carry frame-ancestors (Chromium ignores it there, with a warning).
      .filter((directive) => !directive.startsWith('frame-ancestors '))
      .map((directive) => {
        if (directive.startsWith('script-src ')) return [directive, ...hashes].join(' ')
        if (directive.startsWith('connect-src ')) {
          return `${directive} ws://localhost:* ws://127.0.0.1:*`
        }
        return directive
      })
      .join('; ')
  )
}

/** The bodies of the inline <script> elements of a page. */
export function inlineScriptsOf(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)].map((match) => match[1] ?? '').filter(Boolean)
}

/**
 * Vite plugin, dev server only. Sends the dev policy as a header on every response (so it
 * covers the whole page, also the scripts Vite puts before the meta tag) and rewrites the meta
 * CSP of renderer/index.html to the same policy, once every other plugin has added its tags
 * (hence `order: 'post'`). Without it, the production CSP (which the main process used to force
 * onto the dev server's responses) blocks the preamble and the window stays blank. Builds keep
 * the strict policy.
 */
export function devCsp(): Plugin {
  let policy: Promise<string> | null = null
  return {
    name: 'kb-dev-csp',
    apply: 'serve',
    configureServer(server) {
      // The inline scripts Vite and its plugins add to any page, hashed once.
      const policyOf = async () =>
        devContentSecurityPolicy(inlineScriptsOf(await server.transformIndexHtml('/', BARE_PAGE)))
      server.middlewares.use((_req, res, next) => {
        ;(policy ??= policyOf())
          .then((value) => res.setHeader('Content-Security-Policy', value))
          .then(() => next(), next)
      })
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const meta = devContentSecurityPolicy(inlineScriptsOf(html))
        return html.replace(
          META_CSP,
          `<meta http-equiv="Content-Security-Policy" content="${meta}" />`,
        )
      },
    },
  }
}

const BARE_PAGE = '<!doctype html><html><head></head><body></body></html>'
