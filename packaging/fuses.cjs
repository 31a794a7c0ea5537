/**
 * electron-builder `afterPack` hook: flips Electron's fuses in the packaged binary, before it is
 * signed, so that the shipped app cannot be turned into a general-purpose Node runtime or be made
 * to load code from outside its (integrity-checked) app.asar.
 *
 * Electron's security checklist, item "Use Electron fuses": https://www.electronjs.org/docs/latest/tutorial/fuses
 *
 * CommonJS on purpose: electron-builder `require`s hook files, and the unit test
 * (tests/security/fuses.test.ts) loads `HARDENED_FUSES` from here to assert every value.
 */
'use strict'
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS hook: electron-builder require()s it */

const path = require('node:path')
const { flipFuses, getCurrentFuseWire, FuseV1Options, FuseVersion } = require('@electron/fuses')

/**
 * The fuse settings, by name. Why each one:
 * - RunAsNode off: `ELECTRON_RUN_AS_NODE=1 kyodo-kb.exe evil.js` must not run arbitrary Node.
 * - EnableCookieEncryption on: cookies on disk are encrypted with the OS key store.
 * - EnableNodeOptionsEnvironmentVariable off: NODE_OPTIONS=--require evil.js is ignored.
 * - EnableNodeCliInspectArguments off: --inspect / --inspect-brk cannot attach a debugger.
 * - EnableEmbeddedAsarIntegrityValidation on: a tampered app.asar refuses to load (macOS, Windows).
 * - OnlyLoadAppFromAsar on: the app is only loaded from app.asar, never from a planted app/ folder.
 * - LoadBrowserProcessSpecificV8Snapshot off: one V8 snapshot; no separate browser snapshot file to swap.
 * - GrantFileProtocolExtraPrivileges off: file:// gets no extra privileges (the app uses app://).
 */
const HARDENED_FUSES = Object.freeze({
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
})

/**
 * The config handed to `flipFuses`. `strictlyRequireAllFuses` stays off because newer Electron
 * releases add fuses this version of @electron/fuses has no name for; instead, `afterPack` reads
 * the wire back and fails the build when any of the fuses above did not take.
 */
function fuseConfig(platform, arch) {
  const config = {
    version: FuseVersion.V1,
    // Flipping a fuse invalidates the ad-hoc signature of an arm64 macOS binary; re-sign it.
    resetAdHocDarwinSignature: platform === 'darwin' && arch === 'arm64',
  }
  for (const [name, value] of Object.entries(HARDENED_FUSES)) {
    if (!(name in FuseV1Options)) throw new Error(`unknown Electron fuse: ${name}`)
    config[FuseV1Options[name]] = value
  }
  return config
}

/** Path of the Electron executable electron-builder has just laid out in `appOutDir`. */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context
  const productFilename = packager.appInfo.productFilename
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${productFilename}.app`)
    case 'win32':
      return path.join(appOutDir, `${productFilename}.exe`)
    default:
      return path.join(appOutDir, packager.executableName)
  }
}

/** electron-builder's Arch enum is numeric (x64 = 1, arm64 = 3, …); fuses only need arm64. */
function archName(arch) {
  return arch === 3 || arch === 'arm64' ? 'arm64' : String(arch)
}

async function afterPack(context) {
  const binary = electronBinaryPath(context)
  const config = fuseConfig(context.electronPlatformName, archName(context.arch))
  await flipFuses(binary, config)
  // '1' is FuseState.ENABLE and '0' FuseState.DISABLE in the wire (as character codes).
  const wire = await getCurrentFuseWire(binary)
  for (const [name, value] of Object.entries(HARDENED_FUSES)) {
    const state = wire[FuseV1Options[name]]
    const expected = value ? 49 : 48
    if (state !== expected) {
      throw new Error(`Electron fuse ${name} is ${String(state)} after flipping, not ${expected}`)
    }
  }
}

module.exports = afterPack
module.exports.default = afterPack
module.exports.HARDENED_FUSES = HARDENED_FUSES
module.exports.fuseConfig = fuseConfig
module.exports.electronBinaryPath = electronBinaryPath
