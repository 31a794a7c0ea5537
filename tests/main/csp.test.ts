import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../main/security/csp'

// docs/architecture.md "Security baseline": a strict CSP (default-src 'self'; object-src
// 'none'; base-uri 'none'; frame-src 'none'), no inline script.

type Policy = Map<string, string[]>

function parsePolicy(text: string): Policy {
  const policy: Policy = new Map()
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (!name) continue
    expect(policy.has(name.toLowerCase()), `directive ${name} appears twice`).toBe(false)
    policy.set(name.toLowerCase(), sources)
  }
  return policy
}

/** The sources that govern scripts: script-src, or default-src when script-src is absent. */
function scriptSources(policy: Policy): string[] {
  return policy.get('script-src') ?? policy.get('default-src') ?? []
}

const INDEX_HTML = readFileSync(join(import.meta.dirname, '../../renderer/index.html'), 'utf8')

function metaPolicy(html: string): string {
  const tags =
    html.match(/<meta\b[^>]*http-equiv\s*=\s*["']Content-Security-Policy["'][^>]*>/gi) ?? []
  expect(tags).toHaveLength(1)
  const content = /content\s*=\s*"([^"]*)"/i.exec(tags[0]!)
  expect(content).not.toBeNull()
  return content![1]!
}

const header = parsePolicy(CONTENT_SECURITY_POLICY)

describe('CONTENT_SECURITY_POLICY (header)', () => {
  it.each([
    ['default-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ])('contains %s %j exactly', (directive, sources) => {
    expect(header.get(directive)).toEqual(sources)
  })

  it("script-src is 'self' only: no 'unsafe-inline', no 'unsafe-eval', no remote or wildcard source", () => {
    const sources = scriptSources(header)
    expect(sources).toEqual(["'self'"])
    for (const forbidden of [
      "'unsafe-inline'",
      "'unsafe-eval'",
      "'unsafe-hashes'",
      '*',
      'data:',
      'blob:',
    ]) {
      expect(sources).not.toContain(forbidden)
    }
  })

  it('no directive allows a wildcard or a remote http(s) origin', () => {
    for (const [name, sources] of header) {
      for (const source of sources) {
        expect(source, `${name} ${source}`).not.toMatch(/\*|^https?:/i)
      }
    }
  })

  it("only style-src carries 'unsafe-inline', and nothing carries 'unsafe-eval'", () => {
    for (const [name, sources] of header) {
      if (name !== 'style-src') expect(sources, name).not.toContain("'unsafe-inline'")
      expect(sources, name).not.toContain("'unsafe-eval'")
    }
  })
})

describe('renderer/index.html meta CSP', () => {
  const meta = parsePolicy(metaPolicy(INDEX_HTML))

  it("contains default-src 'self', object-src 'none', base-uri 'none', frame-src 'none'", () => {
    expect(meta.get('default-src')).toEqual(["'self'"])
    expect(meta.get('object-src')).toEqual(["'none'"])
    expect(meta.get('base-uri')).toEqual(["'none'"])
    expect(meta.get('frame-src')).toEqual(["'none'"])
  })

  it("script-src has no 'unsafe-inline' or 'unsafe-eval'", () => {
    const sources = scriptSources(meta)
    expect(sources).not.toContain("'unsafe-inline'")
    expect(sources).not.toContain("'unsafe-eval'")
    expect(sources).toEqual(["'self'"])
  })

  it('matches the header policy directive for directive (frame-ancestors is header-only: ignored in <meta>)', () => {
    const expected = new Map(header)
    expected.delete('frame-ancestors')
    expect(Object.fromEntries(meta)).toEqual(Object.fromEntries(expected))
  })

  it('the meta CSP comes before any script, and no script is inline', () => {
    const metaAt = INDEX_HTML.search(/http-equiv\s*=\s*["']Content-Security-Policy/i)
    const firstScript = INDEX_HTML.search(/<script\b/i)
    expect(metaAt).toBeGreaterThanOrEqual(0)
    if (firstScript >= 0) expect(metaAt).toBeLessThan(firstScript)
    const scripts = [...INDEX_HTML.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc\s*=/i)
      expect(body!.trim()).toBe('')
    }
    expect(INDEX_HTML).not.toMatch(/\son[a-z]+\s*=/i) // no inline event handlers
  })
})
