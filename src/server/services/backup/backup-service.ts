/**
 * `store.backup`: an online, consistent backup of the store (issue 3 §6) — the database image and
 * the journal sequence it covers, in the snapshot file format that `parlance restore` reads.
 * Backups go to `<dataDir>/backups/` under a name the admin may choose (a plain file name, no
 * directories: the API must not let a caller write anywhere on the server's disk). Audited.
 */
import { ServerError } from '../../errors/server-error.js';
import type { AuditService } from '../audit/audit-service.js';
import type { Actor } from '../shared/actor.js';
import type { Clock } from '../shared/clock-port.js';
import type { DataPort } from '../shared/data-port.js';
import type { StoreBackupPort } from './store-backup-port.js';

export interface BackupDeps {
  store: StoreBackupPort;
  data: DataPort;
  audit: AuditService;
  clock: Clock;
  /** Absolute directory backups are written to. */
  backupDir: string;
  /** Joins the backup directory and a validated file name (node:path in the composition root). */
  joinPath(dir: string, name: string): string;
}

export type BackupService = ReturnType<typeof createBackupService>;

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function backupFileName(now: Date): string {
  return `parlance-${now.toISOString().replace(/[:.]/g, '-')}.backup`;
}

export function createBackupService(deps: BackupDeps) {
  async function backupStore(input: { name?: string | undefined }, { actor }: { actor: Actor }) {
    const name = input.name ?? backupFileName(deps.clock.now());
    if (!SAFE_NAME.test(name) || name.includes('..')) {
      throw new ServerError('ERR_STORE_BACKUP_PATH', 'A backup name is a plain file name (letters, digits, . _ -)', {
        field: 'name',
      });
    }
    const result = deps.store.backupTo(deps.joinPath(deps.backupDir, name));
    await deps.data.transaction((w) => {
      w.audit.append(deps.audit.entry(actor, 'store.backup', result.file, undefined, result));
    });
    return result;
  }
  return { backupStore };
}
