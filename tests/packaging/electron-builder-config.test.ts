import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

// Packaging cannot run here (electron-builder downloads Electron and its NSIS/AppImage tools),
// so what can be checked offline is: the configuration passes electron-builder's own schema,
// the npm scripts run it, and the choices that matter to users are in it.

const PROJECT = join(import.meta.dirname, '..', '..')
const require = createRequire(import.meta.url)
const CONFIG_FILE = join(PROJECT, 'packaging', 'electron-builder.yml')
const config = parse(readFileSync(CONFIG_FILE, 'utf8')) as Record<string, unknown>
const pkg = JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>
  devDependencies: Record<string, string>
  engines: { node: string }
}

type Section = Record<string, unknown>
const section = (name: string) => config[name] as Section
const targets = (platform: string) =>
  (section(platform).target as { target: string; arch: string }[]).map((t) => t.target)

describe('packaging/electron-builder.yml', () => {
  it('passes electron-builder’s own configuration schema', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>
    }
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (on: boolean) => unknown }
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('npm run package:win builds NSIS and portable, package:linux an AppImage, both with this config after the build', () => {
    expect(pkg.devDependencies['electron-builder']).toBeDefined()
    for (const script of ['package:win', 'package:linux']) {
      expect(pkg.scripts[script]).toMatch(
        /^electron-vite build && electron-builder --config packaging\/electron-builder\.yml /,
      )
    }
    expect(pkg.scripts['package:win']).toContain('--win')
    expect(pkg.scripts['package:linux']).toContain('--linux')
    expect(targets('win')).toEqual(['nsis', 'portable'])
    expect(targets('linux')).toEqual(['AppImage'])
  })

  it('flips the hardened fuses after packing, with the app and its sample inside app.asar', () => {
    expect(config.asar).toBe(true)
    expect(config.afterPack).toBe('packaging/fuses.cjs')
    expect(existsSync(join(PROJECT, 'packaging', 'fuses.cjs'))).toBe(true)
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'data/**', 'package.json']))
  })

  it('names the executable and every artifact in ASCII, and the uninstaller keeps the user’s library', () => {
    expect(config.executableName).toBe('kyodo-kb')
    for (const name of ['nsis', 'portable', 'dmg', 'appImage']) {
      expect(section(name).artifactName).toMatch(/^[A-Za-z0-9._${}-]+$/)
    }
    expect(section('nsis').deleteAppDataOnUninstall).toBe(false)
  })

  it('asks for the Node that Electron’s own packages declare (>= 22.12)', () => {
    expect(pkg.engines.node).toBe('>=22.12.0')
    const electron = JSON.parse(
      readFileSync(join(PROJECT, 'node_modules', 'electron', 'package.json'), 'utf8'),
    ) as { engines?: { node?: string } }
    expect(electron.engines?.node?.replace(/\s/g, '')).toBe('>=22.12.0')
  })
})
