/** What the backup service needs from the store: one online, consistent image written to a file. */
export interface StoreBackupPort {
  backupTo(file: string): { file: string; seq: number; schemaVersion: number; bytes: number };
}
