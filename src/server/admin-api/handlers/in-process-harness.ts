/**
 * Test harness: a real server (real services, in-memory sql.js store, no HTTP) driven through
 * the in-process transport, with a controllable clock and a cheap scrypt cost.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServer } from '../../compose.js';
import { ConfigSchema, type Config } from '../../config/config-schema.js';
import type { LogRecord } from '../../log/logger.js';
import type { CallContext, ServerHandle } from '../../server-handle.js';
import { createScryptPasswordHasher } from '../../services/auth/node-auth-crypto.js';
import type { AdminEvent, AdminMethod, AdminInput, AdminOutput } from '../contract.js';
import type { AdminResult } from '../contract-errors.js';
import type { AuditEntry } from '../../services/audit/audit-repo-port.js';
import type { AuditService } from '../../services/audit/audit-service.js';
import type { DataPort } from '../../services/shared/data-port.js';

export const TEST_ADMIN_PASSWORD = 'admin-secret-1';

export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

export function testClock(start = Date.parse('2026-01-01T00:00:00Z')): TestClock {
  let t = start;
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
}

export interface TestServer {
  handle: ServerHandle;
  clock: TestClock;
  logs: LogRecord[];
  events: AdminEvent[];
  /** Context of a signed-in administrator (bearer token). */
  admin: CallContext;
  call(method: string, input: unknown, ctx?: CallContext): Promise<AdminResult<unknown>>;
  /** Calls as the administrator and unwraps, failing loudly on an error envelope. */
  ok<M extends AdminMethod>(method: M, input: AdminInput<M>, ctx?: CallContext): Promise<AdminOutput<M>>;
  loginAs(username: string, password: string, remoteAddress?: string): Promise<CallContext>;
  /** Audit-log rows, newest first (exact action, or a prefix ending in `.`). */
  auditLog(action?: string): AuditEntry[];
  /** Direct read access to the store through the services' port. */
  data: DataPort;
  stop(): Promise<void>;
}

export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const clock = testClock();
  const logs: LogRecord[] = [];
  const config = ConfigSchema.parse({
    // The store is in memory (in-process host); files the server writes (backups, compliance
    // output) go to a fresh temporary directory.
    dataDir: mkdtempSync(join(tmpdir(), 'parlance-harness-')),
    adminPassword: TEST_ADMIN_PASSWORD,
    logLevel: 'debug',
    ...overrides,
  });
  let audit: AuditService | undefined;
  let data: DataPort | undefined;
  const handle = await composeServer(
    config,
    { kind: 'in-process', log: (r) => logs.push(r), http: false, version: '9.9.9-test' },
    { clock, hasher: createScryptPasswordHasher({ cost: 1024 }), expose: (i) => void ({ audit, data } = i) },
  );
  const auditLog = (action?: string) => audit!.listAuditEntries({ limit: 1000, action });
  const events: AdminEvent[] = [];
  handle.subscribe((e) => events.push(e));

  const call = (method: string, input: unknown, ctx: CallContext = { transport: 'in-process' }) =>
    handle.dispatch(method, input, ctx);

  async function loginAs(username: string, password: string, remoteAddress = '127.0.0.1'): Promise<CallContext> {
    const result = await call('auth.login', { username, password }, { transport: 'in-process', remoteAddress });
    if (!result.ok) throw new Error(`login failed: ${result.error.code} ${result.error.message}`);
    return { transport: 'in-process', token: (result.value as { token: string }).token, remoteAddress };
  }

  const admin = await loginAs('admin', TEST_ADMIN_PASSWORD);

  async function ok<M extends AdminMethod>(method: M, input: AdminInput<M>, ctx = admin): Promise<AdminOutput<M>> {
    const result = await call(method, input, ctx);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.value as AdminOutput<M>;
  }

  return { handle, clock, logs, events, admin, call, ok, loginAs, auditLog, data: data!, stop: () => handle.stop() };
}

/** Ids the sample inputs refer to; created by `createFixtures`. */
export interface Fixtures {
  categoryId: string;
  emptyCategoryId: string;
  roomId: string;
  userId: string;
  policyId: string;
  /** A file in the (enabled) compliance output directory. */
  complianceFile: string;
  addinId: string;
  groupId: string;
  /** Carol's topic feed. */
  topicFeedId: string;
}

export async function createFixtures(s: TestServer): Promise<Fixtures> {
  const cat = await s.ok('categories.create', { name: 'Engineering' });
  const empty = await s.ok('categories.create', { name: 'Empty' });
  const room = await s.ok('rooms.create', { name: 'General', categoryId: cat.id });
  const user = await s.ok('users.create', {
    sipUri: 'sip:carol@example.com',
    displayName: 'Carol',
    password: 'carol-pass',
  });
  const policy = await s.ok('policies.create', { scope: 'user', name: 'ChatUsers', enablePersistentChat: true });
  const complianceDir = mkdtempSync(join(tmpdir(), 'parlance-compliance-fixture-'));
  writeFileSync(join(complianceDir, 'sample.xml'), '<Conversations/>\n');
  await s.ok('compliance.updateConfig', { enabled: true, outputDir: complianceDir });
  const addin = await s.ok('addins.create', { name: 'Board', url: 'https://addins.example.com/board' });
  const group = await s.ok('groups.create', { name: 'Traders', members: ['sip:carol@example.com'] });
  const feed = await s.ok('feeds.create', { userId: user.id, name: 'Outages', keywords: 'outage', match: 'any' });
  return {
    topicFeedId: feed.id,
    addinId: addin.id,
    groupId: group.id,
    categoryId: cat.id,
    emptyCategoryId: empty.id,
    roomId: room.id,
    userId: user.id,
    policyId: policy.id,
    complianceFile: 'sample.xml',
  };
}

/** One valid input per contract method: the type makes a new method without a sample a compile error. */
export const SAMPLE_INPUTS: { [M in AdminMethod]: (f: Fixtures) => AdminInput<M> } = {
  'server.status': () => ({}),
  'auth.login': () => ({ username: 'admin', password: TEST_ADMIN_PASSWORD }),
  'auth.logout': () => ({}),
  'auth.session': () => ({}),
  'categories.list': () => ({}),
  'categories.get': (f) => ({ id: f.categoryId }),
  'categories.create': () => ({ name: 'Sales', description: 'Deals' }),
  'categories.update': (f) => ({ id: f.categoryId, description: 'Builders' }),
  'categories.delete': (f) => ({ id: f.emptyCategoryId }),
  'rooms.list': (f) => ({ categoryId: f.categoryId }),
  'rooms.get': (f) => ({ id: f.roomId }),
  'rooms.create': (f) => ({ name: 'Random', categoryId: f.categoryId, privacy: 'open' }),
  'rooms.update': (f) => ({ id: f.roomId, disabled: true }),
  'rooms.delete': (f) => ({ id: f.roomId }),
  'users.list': () => ({}),
  'users.create': () => ({ sipUri: 'sip:dave@example.com', displayName: 'Dave', password: 'dave-password' }),
  'users.update': (f) => ({ id: f.userId, displayName: 'Caroline' }),
  'users.delete': (f) => ({ id: f.userId }),
  'users.assignPolicy': (f) => ({ userId: f.userId, policyId: f.policyId }),
  'policies.list': () => ({}),
  'policies.get': (f) => ({ id: f.policyId }),
  'policies.create': () => ({ scope: 'site', name: 'Site1', enablePersistentChat: true }),
  'policies.update': (f) => ({ id: f.policyId, description: 'Chat for everyone' }),
  'policies.delete': (f) => ({ id: f.policyId }),
  'policies.effective': (f) => ({ userId: f.userId }),
  'sip.recentMessages': () => ({ limit: 10 }),
  'logs.recent': () => ({ limit: 10 }),
  'store.backup': () => ({ name: 'harness.backup' }),
  'compliance.getConfig': () => ({}),
  'compliance.updateConfig': () => ({ runIntervalMinutes: 60, addUserDetails: true }),
  'compliance.status': () => ({}),
  'compliance.runNow': () => ({ wait: true }),
  'compliance.runs.list': () => ({ limit: 10 }),
  'compliance.events.search': () => ({ types: ['CHAT'], limit: 10 }),
  'compliance.outputs.list': () => ({}),
  'compliance.outputs.preview': (f) => ({ name: f.complianceFile, maxBytes: 1024 }),
  'categories.getScope': (f) => ({ id: f.categoryId }),
  'categories.setScope': (f) => ({ id: f.categoryId, creators: ['sip:carol@example.com'] }),
  'rooms.getRoles': (f) => ({ id: f.roomId }),
  'rooms.setRoles': (f) => ({ id: f.roomId, members: ['sip:carol@example.com', `group:${f.groupId}`] }),
  'rooms.move': (f) => ({ id: f.roomId, categoryId: f.emptyCategoryId }),
  'rooms.setAddin': (f) => ({ id: f.roomId, addinId: f.addinId }),
  'rooms.details': (f) => ({ id: f.roomId }),
  'rooms.participants': (f) => ({ id: f.roomId }),
  'rooms.eligiblePrincipals': (f) => ({ roomId: f.roomId, role: 'member' }),
  'rooms.clearHistory': (f) => ({ id: f.roomId, until: '2026-01-01T00:00:00Z' }),
  'rooms.invitations': (f) => ({ id: f.roomId }),
  'messages.removeOrReplace': (f) => ({ roomId: f.roomId, keywords: 'secret', action: 'replace' }),
  'messages.search': () => ({ text: 'hello' }),
  'messages.history': (f) => ({ roomId: f.roomId, limit: 10 }),
  'addins.list': () => ({}),
  'addins.create': () => ({ name: 'Polls', url: 'http://addins.example.com/polls' }),
  'addins.update': (f) => ({ id: f.addinId, url: 'https://addins.example.com/board2' }),
  'addins.delete': (f) => ({ id: f.addinId }),
  'groups.list': () => ({}),
  'groups.create': () => ({ name: 'Analysts', description: 'Research' }),
  'groups.update': (f) => ({ id: f.groupId, description: 'Trading desk' }),
  'groups.delete': (f) => ({ id: f.groupId }),
  'users.followedRooms': (f) => ({ userId: f.userId }),
  'feeds.list': (f) => ({ userId: f.userId }),
  'feeds.create': (f) => ({ userId: f.userId, name: 'Releases', keywords: 'release shipped', match: 'all' }),
  'feeds.update': (f) => ({ userId: f.userId, feedId: f.topicFeedId, keywords: 'outage incident' }),
  'feeds.delete': (f) => ({ userId: f.userId, feedId: f.topicFeedId }),
  'feeds.matches': (f) => ({ userId: f.userId, feedId: f.topicFeedId, limit: 20 }),
  'feeds.markSeen': (f) => ({ userId: f.userId, feedId: 'ego' }),
  'chat.config': () => ({}),
  'chat.updateConfig': () => ({ defaultChatHistory: 50 }),
};
