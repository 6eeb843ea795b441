import type { LogRingBuffer } from '../../log/log-ring-buffer.js';
import type { BackupService } from '../../services/backup/backup-service.js';
import type { StatusService } from '../../services/status/server-status.js';
import type { HandlersFor } from './handler-types.js';

export function serverHandlers(status: StatusService): HandlersFor<'server'> {
  return { 'server.status': async () => status.getServerStatus() };
}

export function logsHandlers(logs: LogRingBuffer): HandlersFor<'logs'> {
  return { 'logs.recent': async (query) => ({ items: logs.recent(query) }) };
}

export function storeHandlers(backup: BackupService): HandlersFor<'store'> {
  return { 'store.backup': async (input, ctx) => backup.backupStore(input, { actor: ctx.actor }) };
}
