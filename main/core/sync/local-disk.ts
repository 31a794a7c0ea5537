import { readFile, realpath } from 'node:fs/promises'
import { KbError, bilingual } from '../errors'

const NETWORK_FILE_SYSTEMS = new Set([
  'cifs',
  'smb3',
  'smbfs',
  'nfs',
  'nfs4',
  'afpfs',
  'fuse.sshfs',
  '9p',
  'davfs',
])

/**
 * Git sync is for a library on the local disk: a working copy on an SMB share would be written
 * by several PCs at once underneath Git, and Git's own files do not survive that. UNC paths are
 * recognised everywhere; on Linux the file system type comes from /proc/mounts. (A Windows
 * drive letter mapped to a share cannot be told apart without native calls.)
 */
export async function isNetworkPath(dir: string): Promise<boolean> {
  if (/^(\\\\|\/\/)/.test(dir)) return true
  if (process.platform !== 'linux') return false
  const real = await realpath(dir).catch(() => dir)
  const mounts = await readFile('/proc/mounts', 'utf8').catch(() => '')
  let best = ''
  let bestType = ''
  for (const line of mounts.split('\n')) {
    const [, mountPoint, type] = line.split(' ')
    if (!mountPoint || !type) continue
    const point = mountPoint.replace(/\\040/g, ' ')
    const inside = real === point || real.startsWith(point.endsWith('/') ? point : `${point}/`)
    if (inside && point.length >= best.length) {
      best = point
      bestType = type
    }
  }
  return NETWORK_FILE_SYSTEMS.has(bestType)
}

export async function assertLocalDisk(dir: string): Promise<void> {
  if (await isNetworkPath(dir)) {
    throw new KbError(
      'invalid',
      bilingual(
        `Git 同期はローカルディスク上のライブラリ用です。ネットワークドライブ上のライブラリは同期できません: ${dir}`,
        `Git sync is for a library on the local disk; a library on a network drive cannot be synced: ${dir}`,
      ),
    )
  }
}
