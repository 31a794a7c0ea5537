import { join } from 'node:path'

/** What the check reads from the system; injected so that tests can describe any machine. */
export interface SandboxProbe {
  platform: NodeJS.Platform
  /** node_modules/electron */
  electronDir: string
  /** Contents of a file (trimmed), or null when it cannot be read. */
  readText(path: string): string | null
  /** Owner and mode of a file, or null when it is missing. */
  statFile(path: string): { uid: number; mode: number } | null
  /** The texts of the AppArmor profiles in /etc/apparmor.d (those that can be read). */
  apparmorProfiles(): string[]
}

export type SandboxDiagnosis =
  { ok: true; reason: string } | { ok: false; helper: string; binary: string }

/**
 * Whether Electron, started from node_modules on Linux, can start its sandbox. Chromium uses
 * unprivileged user namespaces when it may, and falls back to the setuid helper `chrome-sandbox`
 * when it may not; then the helper must belong to root with mode 4755, or Electron aborts with
 * "The SUID sandbox helper binary was found, but is not configured correctly". Ubuntu 24.04 and
 * later restrict user namespaces through AppArmor unless a profile allows them for the binary,
 * so a plain `npm install && npm start` ends there.
 */
export function diagnoseLinuxSandbox(probe: SandboxProbe): SandboxDiagnosis {
  if (probe.platform !== 'linux') return { ok: true, reason: 'not Linux' }
  const dist = join(probe.electronDir, 'dist')
  const binary = join(dist, probe.readText(join(probe.electronDir, 'path.txt')) ?? 'electron')
  const helper = join(dist, 'chrome-sandbox')
  const helperInfo = probe.statFile(helper)
  if (helperInfo && helperInfo.uid === 0 && (helperInfo.mode & 0o7777) === 0o4755) {
    return { ok: true, reason: 'chrome-sandbox is root-owned with mode 4755' }
  }
  const apparmorRestricts =
    probe.readText('/proc/sys/kernel/apparmor_restrict_unprivileged_userns') === '1'
  const kernelForbids =
    probe.readText('/proc/sys/kernel/unprivileged_userns_clone') === '0' ||
    probe.readText('/proc/sys/user/max_user_namespaces') === '0'
  if (!apparmorRestricts && !kernelForbids) {
    return { ok: true, reason: 'unprivileged user namespaces are available' }
  }
  if (!kernelForbids && probe.apparmorProfiles().some((text) => text.includes(binary))) {
    return { ok: true, reason: 'an AppArmor profile names this Electron' }
  }
  return { ok: false, helper, binary }
}

/** The explanation printed instead of Chromium's abort, with the two ways out. */
export function sandboxAdvice(helper: string, binary: string): string {
  return `
Electron のサンドボックスを起動できません。
(Electron's sandbox cannot start on this system.)

このシステムは、権限のないユーザー名前空間を制限しています（Ubuntu 24.04 以降の AppArmor 設定など）。
その場合 Electron はサンドボックス補助プログラム chrome-sandbox を使いますが、これが root 所有・モード 4755 になっていません。
(Unprivileged user namespaces are restricted here, e.g. by AppArmor on Ubuntu 24.04 and later, and
the fallback helper chrome-sandbox is not owned by root with mode 4755.)

次のどちらかを行ってから、もう一度 npm start を実行してください。
(Do one of the following, then run npm start again.)

1. 補助プログラムを root 所有・モード 4755 にする（npm install のたびに必要）
   (Make the helper root-owned with mode 4755; needed again after every npm install):

     sudo chown root:root "${helper}"
     sudo chmod 4755 "${helper}"

2. この Electron にユーザー名前空間を許す AppArmor プロファイルを追加する
   (Add an AppArmor profile that allows user namespaces for this Electron):

     sudo tee /etc/apparmor.d/kyodo-kb-electron >/dev/null <<'EOF'
     abi <abi/4.0>,
     include <tunables/global>
     profile kyodo-kb-electron "${binary}" flags=(unconfined) {
       userns,
     }
     EOF
     sudo apparmor_parser -r /etc/apparmor.d/kyodo-kb-electron

サンドボックスを無効にして起動することはしません。事例の本文は他部署や取り込みから来るため、信頼できない内容として扱います。
(The app does not start with the sandbox switched off: case bodies come from other departments and
imports and are treated as untrusted.)
この確認が誤っている場合は KB_SANDBOX_CHECK=off で省略できます（サンドボックスは有効のままです）。
(If this check is wrong for your system, KB_SANDBOX_CHECK=off skips it; the sandbox stays on.)
`
}
