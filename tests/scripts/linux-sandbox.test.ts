import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  diagnoseLinuxSandbox,
  sandboxAdvice,
  type SandboxProbe,
} from '../../scripts/start/linux-sandbox'

// `npm start` on Linux: Electron from node_modules aborts with "The SUID sandbox helper binary
// was found, but is not configured correctly" where user namespaces are restricted (Ubuntu 24.04
// and later) and chrome-sandbox is not root-owned with mode 4755. The check must recognise that
// machine, and only that one, from what it reads.

const ELECTRON = '/home/staff/kyodo-kb/node_modules/electron'
const HELPER = `${ELECTRON}/dist/chrome-sandbox`
const BINARY = `${ELECTRON}/dist/electron`

function machine(options: {
  platform?: NodeJS.Platform
  files?: Record<string, string>
  helper?: { uid: number; mode: number } | null
  profiles?: string[]
}): SandboxProbe {
  const files: Record<string, string> = { [`${ELECTRON}/path.txt`]: 'electron', ...options.files }
  return {
    platform: options.platform ?? 'linux',
    electronDir: ELECTRON,
    readText: (path) => files[path] ?? null,
    statFile: (path) =>
      path === HELPER
        ? options.helper === undefined
          ? { uid: 1000, mode: 0o100755 }
          : options.helper
        : null,
    apparmorProfiles: () => options.profiles ?? [],
  }
}

const UBUNTU_24 = { '/proc/sys/kernel/apparmor_restrict_unprivileged_userns': '1' }

describe('the Linux sandbox check before npm start', () => {
  it('Windows and macOS are not checked', () => {
    expect(diagnoseLinuxSandbox(machine({ platform: 'win32', files: UBUNTU_24 })).ok).toBe(true)
    expect(diagnoseLinuxSandbox(machine({ platform: 'darwin', files: UBUNTU_24 })).ok).toBe(true)
  })

  it('Linux with user namespaces available (Ubuntu 22.04, Fedora, Debian 12) passes', () => {
    expect(diagnoseLinuxSandbox(machine({})).ok).toBe(true)
    expect(
      diagnoseLinuxSandbox(
        machine({ files: { '/proc/sys/kernel/apparmor_restrict_unprivileged_userns': '0' } }),
      ).ok,
    ).toBe(true)
  })

  it('Ubuntu 24.04 with chrome-sandbox as npm installed it fails, naming the helper and this Electron', () => {
    const diagnosis = diagnoseLinuxSandbox(machine({ files: UBUNTU_24 }))
    expect(diagnosis).toEqual({ ok: false, helper: HELPER, binary: BINARY })
  })

  it('a kernel without unprivileged user namespaces fails too, even with an AppArmor profile', () => {
    const files = { '/proc/sys/kernel/unprivileged_userns_clone': '0' }
    expect(diagnoseLinuxSandbox(machine({ files })).ok).toBe(false)
    expect(
      diagnoseLinuxSandbox(machine({ files, profiles: [`profile x "${BINARY}" {}`] })).ok,
    ).toBe(false)
    const none = { '/proc/sys/user/max_user_namespaces': '0' }
    expect(diagnoseLinuxSandbox(machine({ files: none })).ok).toBe(false)
  })

  it('either fix passes: chrome-sandbox owned by root with mode 4755, or an AppArmor profile for this Electron', () => {
    const fixedHelper = machine({ files: UBUNTU_24, helper: { uid: 0, mode: 0o104755 } })
    expect(diagnoseLinuxSandbox(fixedHelper).ok).toBe(true)
    const profile = machine({
      files: UBUNTU_24,
      profiles: [`profile kyodo-kb-electron "${BINARY}" flags=(unconfined) {\n  userns,\n}`],
    })
    expect(diagnoseLinuxSandbox(profile).ok).toBe(true)
    // Root-owned but not setuid, or setuid but not root's: still broken.
    for (const helper of [
      { uid: 0, mode: 0o100755 },
      { uid: 1000, mode: 0o104755 },
    ]) {
      expect(diagnoseLinuxSandbox(machine({ files: UBUNTU_24, helper })).ok).toBe(false)
    }
    // A profile for another program does not count.
    const other = machine({
      files: UBUNTU_24,
      profiles: ['profile chrome /opt/google/chrome/chrome {}'],
    })
    expect(diagnoseLinuxSandbox(other).ok).toBe(false)
  })

  it('the advice gives both fixes as commands, in Japanese and English, and never suggests --no-sandbox as the way', () => {
    const advice = sandboxAdvice(HELPER, BINARY)
    expect(advice).toContain(`sudo chown root:root "${HELPER}"`)
    expect(advice).toContain(`sudo chmod 4755 "${HELPER}"`)
    expect(advice).toContain(`profile kyodo-kb-electron "${BINARY}"`)
    expect(advice).toContain('userns,')
    expect(advice).toContain('apparmor_parser -r')
    expect(advice).toContain('サンドボックスを起動できません')
    expect(advice).toContain('sandbox cannot start')
    expect(advice).not.toContain('--no-sandbox')
  })
})

describe('npm start and npm run dev', () => {
  it('both fetch Electron and run the sandbox check first (prestart, predev)', () => {
    const { scripts } = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'),
    ) as { scripts: Record<string, string> }
    expect(scripts.prestart).toBe('tsx scripts/start/ensure-electron.ts')
    expect(scripts.predev).toBe('tsx scripts/start/ensure-electron.ts')
    expect(scripts.dev).toBe('electron-vite dev')
  })
})
