/**
 * Persistent Chat policy actions (LYNC.md §2.9, §3.2): the global policy always exists and is
 * reset rather than deleted; site policies are `site:{name}`, per-user policies `tag:{name}` and
 * are the only ones assigned to users. Effective policy: per-user → `site:{this server's site}` →
 * global. One transaction per mutation with its audit entry; events after commit.
 */
import { ServerError } from '../../errors/server-error.js';
import type { AuditService } from '../audit/audit-service.js';
import type { ActionContext } from '../shared/actor.js';
import type { Clock, IdGenerator } from '../shared/clock-port.js';
import type { DataPort, Readers } from '../shared/data-port.js';
import type { EventPublisher } from '../shared/events-port.js';
import { checkDescription, invalid } from '../shared/validate.js';
import type { ChatPolicy, ChatPolicyRecord, PolicyScope } from './policy-repo-port.js';

export const GLOBAL_POLICY_ID = 'global';

export interface PolicyDeps {
  data: DataPort;
  audit: AuditService;
  events: EventPublisher;
  clock: Clock;
  newId: IdGenerator;
  /** This server's site: `site:{siteName}` applies to all its users. */
  siteName: string;
}

export interface CreatePolicyInput {
  scope: Exclude<PolicyScope, 'global'>;
  name: string;
  description: string;
  enablePersistentChat: boolean;
}

export interface UpdatePolicyInput {
  id: string;
  description?: string;
  enablePersistentChat?: boolean;
}

export interface EffectivePolicy {
  policy: ChatPolicy;
  /** Where it came from: the user's own assignment, the site, or the global policy. */
  source: PolicyScope;
}

export type PolicyService = ReturnType<typeof createPolicyService>;

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$/;

export function policyNotFound(id: string, field = 'id'): ServerError {
  return new ServerError('ERR_POLICY_NOT_FOUND', undefined, { id, field });
}

function identityOf(scope: PolicyScope, name: string): string {
  return scope === 'global' ? 'global' : `${scope === 'site' ? 'site' : 'tag'}:${name}`;
}

function recordOf(p: ChatPolicy): ChatPolicyRecord {
  const { userCount: _n, name: _m, ...record } = p;
  return record;
}

export function createPolicyService({ data, audit, events, clock, newId, siteName }: PolicyDeps) {
  function must(r: Readers, id: string, field = 'id'): ChatPolicy {
    const p = r.policies.get(id);
    if (!p) throw policyNotFound(id, field);
    return p;
  }

  function assertUser(userId: string): void {
    if (!data.read((r) => r.users.get(userId))) {
      throw new ServerError('ERR_USER_NOT_FOUND', undefined, { id: userId, field: 'userId' });
    }
  }

  function listPolicies(): ChatPolicy[] {
    return data.read((r) => r.policies.list());
  }

  function getPolicy(id: string): ChatPolicy {
    return data.read((r) => must(r, id));
  }

  /** The policy that decides for a user (LYNC.md §2.9 precedence). Unknown users get site/global. */
  function effectivePolicy(userId: string | undefined): EffectivePolicy {
    return data.read((r) => {
      const own = userId === undefined ? undefined : r.policies.assignedTo(userId);
      if (own) return { policy: own, source: 'user' as const };
      const site = r.policies.findByIdentity(identityOf('site', siteName));
      if (site) return { policy: site, source: 'site' as const };
      return { policy: must(r, GLOBAL_POLICY_ID), source: 'global' as const };
    });
  }

  async function createPolicy(input: CreatePolicyInput, { actor }: ActionContext): Promise<ChatPolicy> {
    const name = input.name.trim();
    if (!NAME_RE.test(name)) throw invalid('name', 'Use letters, digits, space, _ . - (at most 64 characters)');
    const description = checkDescription(input.description);
    const identity = identityOf(input.scope, name);
    const created = await data.transaction((w) => {
      const existing = w.policies.findByIdentity(identity);
      if (existing) {
        throw new ServerError('ERR_POLICY_IDENTITY_TAKEN', `A policy "${existing.identity}" already exists`, {
          field: 'name',
          id: existing.id,
        });
      }
      const now = clock.now().toISOString();
      const record: ChatPolicyRecord = {
        id: newId(),
        identity,
        scope: input.scope,
        description,
        enablePersistentChat: input.enablePersistentChat,
        createdAt: now,
        updatedAt: now,
      };
      w.policies.insert(record);
      w.audit.append(audit.entry(actor, 'policy.create', record.id, null, record));
      return must(w, record.id);
    });
    events.publish({ name: 'policy.created', payload: created });
    return created;
  }

  async function updatePolicy(input: UpdatePolicyInput, { actor }: ActionContext): Promise<ChatPolicy> {
    const description = input.description === undefined ? undefined : checkDescription(input.description);
    const updated = await data.transaction((w) => {
      const before = must(w, input.id);
      const after: ChatPolicyRecord = {
        ...recordOf(before),
        description: description ?? before.description,
        enablePersistentChat: input.enablePersistentChat ?? before.enablePersistentChat,
        updatedAt: clock.now().toISOString(),
      };
      w.policies.update(after);
      w.audit.append(audit.entry(actor, 'policy.update', before.id, recordOf(before), after));
      return must(w, before.id);
    });
    events.publish({ name: 'policy.updated', payload: updated });
    return updated;
  }

  /**
   * `Remove-CsPersistentChatPolicy`: removing the global policy resets it to its defaults; an
   * assigned per-user policy is removed only with `force` (its users fall back to site/global).
   */
  async function deletePolicy(
    input: { id: string; force?: boolean },
    { actor }: ActionContext,
  ): Promise<{ id: string; reset: boolean }> {
    const result = await data.transaction((w) => {
      const before = must(w, input.id);
      if (before.scope === 'global') {
        const reset: ChatPolicyRecord = {
          ...recordOf(before),
          description: '',
          enablePersistentChat: false,
          updatedAt: clock.now().toISOString(),
        };
        w.policies.update(reset);
        w.audit.append(audit.entry(actor, 'policy.reset', before.id, recordOf(before), reset));
        return { reset: true, policy: must(w, before.id) };
      }
      if (before.userCount > 0 && !input.force) {
        throw new ServerError('ERR_POLICY_IN_USE', `The policy is assigned to ${before.userCount} user(s)`, {
          id: before.id,
          userCount: before.userCount,
        });
      }
      const unassigned = w.policies.unassignAll(before.id);
      w.policies.delete(before.id);
      w.audit.append(audit.entry(actor, 'policy.delete', before.id, recordOf(before), { unassigned }));
      return { reset: false, policy: before };
    });
    if (result.reset) events.publish({ name: 'policy.updated', payload: result.policy });
    else events.publish({ name: 'policy.deleted', payload: { id: input.id } });
    return { id: input.id, reset: result.reset };
  }

  /** `Grant-CsPersistentChatPolicy`: a per-user policy, or null to unassign. */
  async function assignPolicy(
    input: { userId: string; policyId: string | null },
    { actor }: ActionContext,
  ): Promise<EffectivePolicy> {
    await data.transaction((w) => {
      if (!w.users.get(input.userId)) {
        throw new ServerError('ERR_USER_NOT_FOUND', undefined, { id: input.userId, field: 'userId' });
      }
      if (input.policyId !== null) {
        const p = must(w, input.policyId, 'policyId');
        if (p.scope !== 'user') {
          throw new ServerError('ERR_POLICY_WRONG_SCOPE', `"${p.identity}" is not a per-user policy`, {
            field: 'policyId',
            id: p.id,
          });
        }
      }
      const before = w.policies.assignedTo(input.userId)?.id ?? null;
      w.policies.assign(input.userId, input.policyId);
      w.audit.append(
        audit.entry(actor, 'policy.assign', input.userId, { policyId: before }, { policyId: input.policyId }),
      );
    });
    events.publish({ name: 'policy.assigned', payload: { userId: input.userId, policyId: input.policyId } });
    return effectivePolicy(input.userId);
  }

  return {
    assertUser,
    listPolicies,
    getPolicy,
    effectivePolicy,
    createPolicy,
    updatePolicy,
    deletePolicy,
    assignPolicy,
  };
}
