/**
 * User actions: SIP URI unique, the last administrator can be neither deleted nor demoted.
 * Passwords are hashed before the transaction (scrypt is asynchronous); the row stores only the
 * scrypt hash and the Digest HA1 for realm = the SIP domain.
 */
import { ServerError } from '../../errors/server-error.js';
import type { AuditService } from '../audit/audit-service.js';
import type { PasswordHasher } from '../auth/auth-crypto-port.js';
import type { ActionContext } from '../shared/actor.js';
import type { Clock, IdGenerator } from '../shared/clock-port.js';
import type { DataPort } from '../shared/data-port.js';
import type { EventPublisher } from '../shared/events-port.js';
import { invalid } from '../shared/validate.js';
import { normalizeSipUri, sipUserPart } from './sip-uri.js';
import type { User, UserCredentials, UserRecord, UserRole } from './user-repo-port.js';

export interface UsersDeps {
  data: DataPort;
  audit: AuditService;
  events: EventPublisher;
  clock: Clock;
  newId: IdGenerator;
  hasher: PasswordHasher;
  /** SIP domain = Digest realm. */
  domain: string;
}

export interface CreateUserInput {
  sipUri: string;
  displayName: string;
  email: string;
  password: string;
  role: UserRole;
}

export interface UpdateUserInput {
  id: string;
  displayName?: string;
  email?: string;
  password?: string;
  role?: UserRole;
}

export type UsersService = ReturnType<typeof createUsersService>;

const MIN_PASSWORD_LENGTH = 8;

function userNotFound(id: string): ServerError {
  return new ServerError('ERR_USER_NOT_FOUND', undefined, { id, field: 'id' });
}

function publicUser(record: UserRecord): User {
  const { id, sipUri, displayName, email, role, createdAt, updatedAt } = record;
  return { id, sipUri, displayName, email, role, createdAt, updatedAt };
}

/** Without the secrets, for the audit log. */
function auditable(record: UserRecord): User {
  return publicUser(record);
}

export function createUsersService({ data, audit, events, clock, newId, hasher, domain }: UsersDeps) {
  async function credentialsFor(sipUri: string, password: string): Promise<UserCredentials> {
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw invalid('password', `Password must be at least ${MIN_PASSWORD_LENGTH} characters`);
    }
    return {
      passwordHash: await hasher.hash(password),
      digestRealm: domain,
      digestHa1: hasher.digestHa1(sipUserPart(sipUri), domain, password),
      digestHa1Address: hasher.digestHa1(sipUri.replace(/^sips?:/i, ''), domain, password),
    };
  }

  function listUsers(): User[] {
    return data.read((r) => r.users.list());
  }

  function getUser(id: string): User {
    const user = data.read((r) => r.users.get(id));
    if (!user) throw userNotFound(id);
    return user;
  }

  async function createUser(input: CreateUserInput, { actor }: ActionContext): Promise<User> {
    const sipUri = normalizeSipUri(input.sipUri);
    if (!/^sip:[^@\s]+@[^@\s]+$/.test(sipUri))
      throw invalid('sipUri', 'Must be a SIP URI such as sip:alice@example.com');
    const displayName = input.displayName.trim();
    if (displayName.length === 0) throw invalid('displayName', 'Display name is required');
    const credentials = await credentialsFor(sipUri, input.password);
    const created = await data.transaction((w) => {
      const existing = w.users.findRecordBySipUri(sipUri);
      if (existing) throw new ServerError('ERR_USER_URI_TAKEN', undefined, { field: 'sipUri', id: existing.id });
      const now = clock.now().toISOString();
      const record: UserRecord = {
        id: newId(),
        sipUri,
        displayName,
        email: input.email.trim(),
        role: input.role,
        createdAt: now,
        updatedAt: now,
        ...credentials,
      };
      w.users.insert(record);
      w.audit.append(audit.entry(actor, 'user.create', record.id, null, auditable(record)));
      return publicUser(record);
    });
    events.publish({ name: 'user.created', payload: created });
    return created;
  }

  async function updateUser(input: UpdateUserInput, { actor }: ActionContext): Promise<User> {
    const current = data.read((r) => r.users.getRecord(input.id));
    if (!current) throw userNotFound(input.id);
    const credentials = input.password === undefined ? undefined : await credentialsFor(current.sipUri, input.password);
    if (input.displayName !== undefined && input.displayName.trim().length === 0) {
      throw invalid('displayName', 'Display name is required');
    }
    const updated = await data.transaction((w) => {
      const before = w.users.getRecord(input.id);
      if (!before) throw userNotFound(input.id);
      if (before.role === 'admin' && input.role === 'user' && w.users.countAdmins() <= 1) {
        throw new ServerError('ERR_USER_LAST_ADMIN', 'The last administrator cannot be demoted', {
          field: 'role',
          id: before.id,
        });
      }
      const after: UserRecord = {
        ...before,
        ...credentials,
        displayName: input.displayName?.trim() ?? before.displayName,
        email: input.email?.trim() ?? before.email,
        role: input.role ?? before.role,
        updatedAt: clock.now().toISOString(),
      };
      w.users.update(after);
      const newValue = { ...auditable(after), ...(credentials ? { passwordChanged: true } : {}) };
      w.audit.append(audit.entry(actor, 'user.update', before.id, auditable(before), newValue));
      return publicUser(after);
    });
    events.publish({ name: 'user.updated', payload: updated });
    return updated;
  }

  async function deleteUser({ id }: { id: string }, { actor }: ActionContext): Promise<{ id: string }> {
    await data.transaction((w) => {
      const before = w.users.getRecord(id);
      if (!before) throw userNotFound(id);
      if (before.role === 'admin' && w.users.countAdmins() <= 1) {
        throw new ServerError('ERR_USER_LAST_ADMIN', undefined, { id });
      }
      w.sessions.deleteForUser(id);
      w.users.delete(id);
      w.audit.append(audit.entry(actor, 'user.delete', id, auditable(before), null));
    });
    events.publish({ name: 'user.deleted', payload: { id } });
    return { id };
  }

  return { listUsers, getUser, createUser, updateUser, deleteUser };
}
