import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './handlers/in-process-harness.js';
import { SqlConnection } from '../store/sql-connection.js';
import { loadSqlJs } from '../store/sql-js-loader.js';
import { decodeSnapshot } from '../store/snapshot-file.js';
import { verifyBackup } from '../store/store-backup.js';
import { backupFileName } from '../services/backup/backup-service.js';

let s: TestServer | undefined;
afterEach(async () => {
  await s?.stop();
  s = undefined;
});

describe('store.backup', () => {
  it('writes a verified, consistent image of the live store under <dataDir>/backups and audits it', async () => {
    s = await startTestServer();
    const category = await s.ok('categories.create', { name: 'Engineering' });
    await s.ok('rooms.create', { name: 'release-planning', categoryId: category.id });

    const status = await s.ok('server.status', {});
    const result = await s.ok('store.backup', { name: 'before-upgrade.backup' });
    expect(result.file).toBe(join(status.dataDir, 'backups', 'before-upgrade.backup'));
    expect(existsSync(result.file)).toBe(true);
    // The image covers every transaction committed before the call (the audit row comes after).
    expect(result.seq).toBe(status.store.lastSeq);
    expect(result.seq).toBeGreaterThan(0);

    const header = await verifyBackup(result.file);
    expect(header.seq).toBe(result.seq);
    // The image is a real database holding what was committed before the backup.
    const { image } = decodeSnapshot(readFileSync(result.file));
    const conn = SqlConnection.create(await loadSqlJs(), image, []);
    try {
      expect(conn.all('SELECT name FROM rooms')).toEqual([{ name: 'release-planning' }]);
    } finally {
      conn.close();
    }
    expect(s.auditLog('store.backup')).toHaveLength(1);
  });

  it('names the file after the clock when no name is given', async () => {
    s = await startTestServer();
    const result = await s.ok('store.backup', {});
    expect(result.file.endsWith(backupFileName(s.clock.now()))).toBe(true);
  });

  it.each(['../escape.backup', 'sub/dir.backup', '/etc/passwd', '.hidden', ''])(
    'refuses the name %j with ERR_STORE_BACKUP_PATH',
    async (name) => {
      s = await startTestServer();
      const result = await s.call('store.backup', { name }, s.admin);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('ERR_STORE_BACKUP_PATH');
    },
  );
});
