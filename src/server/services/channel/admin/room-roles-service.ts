/**
 * Category scope and creators, room roles and moves (LYNC.md §2.2–§2.4): members, managers and
 * presenters must be inside the category scope and not denied; presenters must also be members
 * (`PresenterNotInMemList`); managers are not automatically members. Changing a scope or moving a
 * room purges the role entries that fall outside and reports them. Each action is one transaction
 * with its audit entry (and invitations for added members); events after commit.
 */
import { ServerError } from '../../../errors/server-error.js';
import type { AuditService } from '../../audit/audit-service.js';
import type { ActionContext } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock-port.js';
import type { DataPort, Readers, Writers } from '../../shared/data-port.js';
import type { EventPublisher } from '../../shared/events-port.js';
import type { CategoryScope, RoomRole, RoomRoles } from '../channel-repo-port.js';
import { domainOf, isInScope, principalsOf } from '../channel-policy.js';
import { inviteAddedMembers } from '../features/invitations.js';
import { roomFlags } from '../room-access.js';

export interface RoomRolesDeps {
  data: DataPort;
  audit: AuditService;
  events: EventPublisher;
  clock: Clock;
}

const ROLE_LIST: Record<RoomRole, keyof RoomRoles> = {
  member: 'members',
  manager: 'managers',
  presenter: 'presenters',
};

function roomNotFound(id: string): ServerError {
  return new ServerError('ERR_ROOM_NOT_FOUND', undefined, { id, field: 'id' });
}

/** Checks that every principal names a known user, group or domain. */
export function assertPrincipals(r: Readers, list: readonly string[], field: string): void {
  for (const p of list) {
    const known = p.startsWith('sip:')
      ? r.users.findRecordBySipUri(p) !== undefined
      : p.startsWith('group:')
        ? r.directory.getGroup(p.slice(6)) !== undefined
        : p.startsWith('domain:');
    if (!known)
      throw new ServerError('ERR_PRINCIPAL_NOT_FOUND', `${p} is not a known user or group`, { field, principal: p });
  }
}

/**
 * Is a role principal inside the scope? A user: through their own principals. A group: the group
 * itself is allowed, or every member is. A domain: the scope is the root one or allows the domain.
 */
export function principalInScope(r: Readers, scope: CategoryScope, principal: string): boolean {
  if (principal.startsWith('sip:')) {
    return isInScope(scope, principalsOf({ uri: principal, groups: r.channel.groupsOf(principal) }));
  }
  if (principal.startsWith('group:')) {
    if (isInScope(scope, [principal])) return true;
    const members = r.directory.getGroup(principal.slice(6))?.members ?? [];
    return members.length > 0 && members.every((m) => principalInScope(r, scope, m));
  }
  return isInScope(scope, [principal]);
}

export function createRoomRolesService({ data, audit, events, clock }: RoomRolesDeps) {
  function getScope(id: string): CategoryScope {
    return data.read((r) => {
      if (!r.categories.get(id)) throw new ServerError('ERR_CATEGORY_NOT_FOUND', undefined, { id, field: 'id' });
      return r.channel.scope(id);
    });
  }

  function getRoles(id: string): RoomRoles {
    return data.read((r) => {
      if (!r.rooms.get(id)) throw roomNotFound(id);
      return r.channel.roles(id);
    });
  }

  /** Removes role entries outside `scope`; returns what was removed. */
  function purge(w: Writers, roomId: string, scope: CategoryScope): RoomRoles {
    const roles = w.channel.roles(roomId);
    const removed: RoomRoles = { members: [], managers: [], presenters: [] };
    for (const role of ['member', 'manager', 'presenter'] as const) {
      const key = ROLE_LIST[role];
      const keep = roles[key].filter((p) => principalInScope(w, scope, p));
      removed[key] = roles[key].filter((p) => !keep.includes(p));
      if (removed[key].length > 0) w.channel.setRoles(roomId, role, keep);
    }
    // Presenters must stay members.
    const members = new Set(w.channel.roles(roomId).members);
    const orphans = w.channel.roles(roomId).presenters.filter((p) => !members.has(p));
    if (orphans.length > 0) {
      w.channel.setRoles(
        roomId,
        'presenter',
        w.channel.roles(roomId).presenters.filter((p) => members.has(p)),
      );
      removed.presenters.push(...orphans);
    }
    return removed;
  }

  const nonEmpty = (r: RoomRoles) => r.members.length + r.managers.length + r.presenters.length > 0;

  async function setScope(
    input: { id: string; allowedMembers?: string[]; deniedMembers?: string[]; creators?: string[] },
    { actor }: ActionContext,
  ) {
    const result = await data.transaction((w) => {
      const category = w.categories.get(input.id);
      if (!category) throw new ServerError('ERR_CATEGORY_NOT_FOUND', undefined, { id: input.id, field: 'id' });
      const before = w.channel.scope(input.id);
      const lists = { allowed: input.allowedMembers, denied: input.deniedMembers, creator: input.creators };
      for (const [kind, list] of Object.entries(lists) as [keyof typeof lists, string[] | undefined][]) {
        if (list === undefined) continue;
        assertPrincipals(w, list, kind);
        w.channel.setScope(input.id, kind, list);
      }
      const after = w.channel.scope(input.id);
      const purged = w.rooms
        .list({ categoryId: input.id })
        .map((room) => ({ roomId: room.id, removed: purge(w, room.id, after) }))
        .filter((p) => nonEmpty(p.removed));
      w.audit.append(audit.entry(actor, 'category.scope', input.id, before, { ...after, purged }));
      return { ...after, purged };
    });
    events.publish({ name: 'category.scope.updated', payload: { categoryId: input.id } });
    for (const p of result.purged) events.publish({ name: 'room.roles.updated', payload: { roomId: p.roomId } });
    return result;
  }

  async function setRoles(
    input: { id: string; members?: string[]; managers?: string[]; presenters?: string[] },
    { actor }: ActionContext,
  ): Promise<RoomRoles & { invited: string[] }> {
    const result = await data.transaction((w) => {
      const room = w.rooms.get(input.id);
      if (!room) throw roomNotFound(input.id);
      const category = w.categories.get(room.categoryId)!;
      const scope = w.channel.scope(category.id);
      const before = w.channel.roles(room.id);
      const next: RoomRoles = {
        members: input.members ?? before.members,
        managers: input.managers ?? before.managers,
        presenters: input.presenters ?? before.presenters,
      };
      for (const key of ['members', 'managers', 'presenters'] as const) {
        assertPrincipals(w, next[key], key);
        const outside = next[key].filter((p) => !principalInScope(w, scope, p));
        if (outside.length > 0) {
          throw new ServerError(
            'ERR_PRINCIPAL_NOT_IN_SCOPE',
            `${outside.join(', ')} outside the scope of ${category.name}`,
            {
              field: key,
              principals: outside,
            },
          );
        }
      }
      const members = new Set(next.members);
      const notMembers = next.presenters.filter((p) => !members.has(p));
      if (notMembers.length > 0) {
        throw new ServerError('ERR_PRESENTER_NOT_MEMBER', `${notMembers.join(', ')} must also be members`, {
          field: 'presenters',
          principals: notMembers,
        });
      }
      for (const role of ['member', 'manager', 'presenter'] as const)
        w.channel.setRoles(room.id, role, next[ROLE_LIST[role]]);
      const invited = inviteAddedMembers(
        w,
        room,
        roomFlags(room, category).invite,
        before.members,
        next.members,
        clock.now().toISOString(),
      );
      const after = w.channel.roles(room.id);
      w.audit.append(audit.entry(actor, 'room.roles', room.id, before, { ...after, invited }));
      return { ...after, invited };
    });
    events.publish({ name: 'room.roles.updated', payload: { roomId: input.id } });
    return result;
  }

  /** Re-parents a room and purges role entries outside the new category's scope (LYNC.md §2.3). */
  async function moveRoom(input: { id: string; categoryId: string }, { actor }: ActionContext) {
    const result = await data.transaction((w) => {
      const room = w.rooms.get(input.id);
      if (!room) throw roomNotFound(input.id);
      if (!w.categories.get(input.categoryId)) {
        throw new ServerError('ERR_CATEGORY_NOT_FOUND', undefined, { id: input.categoryId, field: 'categoryId' });
      }
      const { categoryName: _n, ...record } = room;
      w.rooms.update({
        ...record,
        categoryId: input.categoryId,
        updatedAt: clock.now().toISOString(),
        updatedBy: actor.name,
      });
      const purged = purge(w, room.id, w.channel.scope(input.categoryId));
      w.audit.append(
        audit.entry(
          actor,
          'room.move',
          room.id,
          { categoryId: room.categoryId },
          { categoryId: input.categoryId, purged },
        ),
      );
      return { room: w.rooms.get(room.id)!, purged };
    });
    events.publish({ name: 'room.updated', payload: result.room });
    events.publish({ name: 'room.roles.updated', payload: { roomId: input.id } });
    return { roomId: input.id, categoryId: input.categoryId, purged: result.purged };
  }

  /** Users (groups expanded) who qualify for a role: in scope and not denied (LYNC.md §2.4). */
  function eligiblePrincipals(input: { roomId?: string; categoryId?: string; role: RoomRole | 'creator' }) {
    return data.read((r) => {
      let categoryId = input.categoryId;
      let members: Set<string> | undefined;
      if (input.roomId !== undefined) {
        const room = r.rooms.get(input.roomId);
        if (!room) throw roomNotFound(input.roomId);
        categoryId = room.categoryId;
        if (input.role === 'presenter') members = new Set(r.channel.roles(room.id).members);
      }
      if (categoryId === undefined || !r.categories.get(categoryId)) {
        throw new ServerError('ERR_CATEGORY_NOT_FOUND', undefined, { id: categoryId ?? '', field: 'categoryId' });
      }
      const scope = r.channel.scope(categoryId);
      return r.users
        .list()
        .filter((u) => principalInScope(r, scope, u.sipUri))
        .filter((u) => {
          if (!members) return true;
          const mine = principalsOf({ uri: u.sipUri, groups: r.channel.groupsOf(u.sipUri) });
          return mine.some((p) => members!.has(p));
        })
        .map((u) => ({ principal: u.sipUri, displayName: u.displayName }));
    });
  }

  return { getScope, setScope, getRoles, setRoles, moveRoom, purge, eligiblePrincipals, domainOf };
}

export type RoomRolesService = ReturnType<typeof createRoomRolesService>;
