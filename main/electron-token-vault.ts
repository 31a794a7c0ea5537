import { safeStorage } from 'electron'
import type { TokenVault } from './api/sync-settings-store'

/**
 * Sync tokens sealed with the OS keychain (DPAPI on Windows, Keychain on macOS, libsecret on
 * Linux) through Electron's safeStorage. Where no keychain is available the token is not kept
 * at all: the user types it again, rather than it lying in a file in clear.
 */
export const electronTokenVault: TokenVault = {
  seal(token) {
    if (!safeStorage.isEncryptionAvailable()) return { scheme: 'safeStorage', value: '' }
    return { scheme: 'safeStorage', value: safeStorage.encryptString(token).toString('base64') }
  },
  open(sealed) {
    if (sealed.scheme !== 'safeStorage' || !sealed.value) return null
    try {
      return safeStorage.decryptString(Buffer.from(sealed.value, 'base64'))
    } catch {
      return null
    }
  },
}
