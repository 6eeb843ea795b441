/**
 * First start with no users: create `sip:admin@<domain>` as administrator, with the configured
 * password or a generated one that the host prints once.
 */
import { SYSTEM_ACTOR } from '../shared/actor.js';
import type { DataPort } from '../shared/data-port.js';
import type { UsersService } from '../users/users-service.js';
import type { SecretGenerator } from './auth-crypto-port.js';

export interface FirstRun {
  username: string;
  sipUri: string;
  generatedPassword?: string;
}

export async function ensureFirstAdmin(deps: {
  data: DataPort;
  users: UsersService;
  secrets: SecretGenerator;
  domain: string;
  adminPassword?: string;
}): Promise<FirstRun | null> {
  if (deps.data.read((r) => r.users.count()) > 0) return null;
  const sipUri = `sip:admin@${deps.domain}`;
  const password = deps.adminPassword ?? deps.secrets.newPassword();
  await deps.users.createUser(
    { sipUri, displayName: 'Administrator', email: '', password, role: 'admin' },
    { actor: SYSTEM_ACTOR },
  );
  return deps.adminPassword === undefined
    ? { username: 'admin', sipUri, generatedPassword: password }
    : { username: 'admin', sipUri };
}
