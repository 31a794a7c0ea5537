import { FuseV1Options, FuseVersion } from '@electron/fuses'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'

// The packaging configuration (packaging/electron-builder.yml) flips Electron's fuses in an
// afterPack hook (packaging/fuses.cjs). electron-builder is not installed here, so these tests
// load the hook directly and run it over a fake binary carrying a real fuse wire.

const PROJECT = fileURLToPath(new URL('../..', import.meta.url))
const require = createRequire(import.meta.url)

interface FusesModule {
  (context: PackContext): Promise<void>
  default: (context: PackContext) => Promise<void>
  HARDENED_FUSES: Record<string, boolean>
  fuseConfig(platform: string, arch: string): Record<string, unknown>
  electronBinaryPath(context: PackContext): string
}

interface PackContext {
  appOutDir: string
  electronPlatformName: string
  arch: number
  packager: { appInfo: { productFilename: string }; executableName: string }
}

const fuses = require(join(PROJECT, 'packaging', 'fuses.cjs')) as FusesModule

/** What the brief and Electron's checklist require, fuse by fuse. */
const REQUIRED: [name: keyof typeof FuseV1Options, value: boolean][] = [
  ['RunAsNode', false],
  ['EnableCookieEncryption', true],
  ['EnableNodeOptionsEnvironmentVariable', false],
  ['EnableNodeCliInspectArguments', false],
  ['EnableEmbeddedAsarIntegrityValidation', true],
  ['OnlyLoadAppFromAsar', true],
  ['LoadBrowserProcessSpecificV8Snapshot', false],
  ['GrantFileProtocolExtraPrivileges', false],
]

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const ENABLE = 0x31
const DISABLE = 0x30

/** A fake "Electron binary": junk, the fuse sentinel, wire version 1, and `states` as the wire. */
function fakeBinary(states: number[]): Buffer {
  return Buffer.concat([
    Buffer.from('\x7fELF-not-really-electron-'),
    Buffer.from(SENTINEL),
    Buffer.from([1, states.length, ...states]),
    Buffer.from('-trailing-bytes'),
  ])
}

function wireOf(binary: Buffer): number[] {
  const start = binary.indexOf(SENTINEL) + SENTINEL.length
  return [...binary.subarray(start + 2, start + 2 + binary[start + 1]!)]
}

const made: string[] = []
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

describe('hardened Electron fuses (packaging/fuses.cjs)', () => {
  it('sets exactly the eight hardened fuses, each to its required value', () => {
    expect(fuses.HARDENED_FUSES).toEqual(Object.fromEntries(REQUIRED))
  })

  it.each(REQUIRED)('fuseConfig sets %s to %s at its index in the fuse wire', (name, value) => {
    for (const platform of ['win32', 'darwin', 'linux']) {
      const config = fuses.fuseConfig(platform, 'x64')
      expect(config.version).toBe(FuseVersion.V1)
      expect(config[FuseV1Options[name]]).toBe(value)
    }
  })

  it('re-signs ad hoc only for arm64 macOS builds', () => {
    expect(fuses.fuseConfig('darwin', 'arm64').resetAdHocDarwinSignature).toBe(true)
    expect(fuses.fuseConfig('darwin', 'x64').resetAdHocDarwinSignature).toBe(false)
    expect(fuses.fuseConfig('win32', 'arm64').resetAdHocDarwinSignature).toBe(false)
  })

  it('the afterPack hook flips every fuse of a binary whose fuses are all the other way', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-fuses-'))
    made.push(dir)
    // Nine fuses: newer Electron releases carry fuses @electron/fuses has no name for yet.
    const before = REQUIRED.map(([, value]) => (value ? DISABLE : ENABLE)).concat(ENABLE)
    await writeFile(join(dir, 'kyodo-kb'), fakeBinary(before))
    const context: PackContext = {
      appOutDir: dir,
      electronPlatformName: 'linux',
      arch: 1,
      packager: { appInfo: { productFilename: '協働ナレッジベース' }, executableName: 'kyodo-kb' },
    }
    await fuses.default(context)
    const after = wireOf(await readFile(join(dir, 'kyodo-kb')))
    expect(after.slice(0, REQUIRED.length)).toEqual(
      REQUIRED.map(([, value]) => (value ? ENABLE : DISABLE)),
    )
    expect(after[REQUIRED.length], 'an unnamed newer fuse is left as Electron ships it').toBe(
      ENABLE,
    )
  })

  it('finds the Electron binary where electron-builder puts it on each platform', () => {
    const packager = {
      appInfo: { productFilename: '協働ナレッジベース' },
      executableName: 'kyodo-kb',
    }
    const at = (electronPlatformName: string) =>
      fuses.electronBinaryPath({ appOutDir: '/o', electronPlatformName, arch: 1, packager })
    expect(at('win32')).toBe(join('/o', '協働ナレッジベース.exe'))
    expect(at('darwin')).toBe(join('/o', '協働ナレッジベース.app'))
    expect(at('linux')).toBe(join('/o', 'kyodo-kb'))
  })
})

describe('electron-builder configuration (packaging/electron-builder.yml)', () => {
  it('runs the fuses hook after packing, packs the app into an asar, and ships no source maps', async () => {
    const config = parse(
      await readFile(join(PROJECT, 'packaging', 'electron-builder.yml'), 'utf8'),
    ) as { afterPack: string; asar: boolean; files: string[] }
    expect(config.afterPack).toBe('packaging/fuses.cjs')
    // OnlyLoadAppFromAsar and asar integrity validation mean nothing without an asar.
    expect(config.asar).toBe(true)
    expect(config.files).toContain('out/**')
    expect(config.files).toContain('!**/*.map')
  })
})
