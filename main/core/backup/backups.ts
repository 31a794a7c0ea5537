/**
 * Backups and recovery (issue 7): a rolling copy of each case's previous version and of
 * library.json, restore as a normal save, a damaged library.json falling back to its newest good
 * backup, and clean-up of temp files a crash left behind. Everything lives in `.backups/` inside
 * the library, so it travels with the library on a shared drive.
 */
export { restoreBackup } from './restore-backup'
export { openLibraryWithFallback } from './library-fallback'
export {
  backupBeforeWrite,
  listBackups,
  DEFAULT_CASE_BACKUPS,
  type BackupDeps,
  type CaseBackup,
} from './case-backups'
export {
  backupLibraryConfig,
  listLibraryConfigBackups,
  restoreLibraryConfig,
  DEFAULT_CONFIG_BACKUPS,
  type ConfigBackup,
  type ConfigBackupDeps,
} from './library-config-backups'
export { cleanStrayTempFiles, type StrayTempOptions } from './stray-temp'
export { overwriteCase } from './overwrite-case'
export { BACKUPS_FOLDER } from './stamps'
