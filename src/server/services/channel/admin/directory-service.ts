/**
 * Add-ins (LYNC.md §2.6: name unique per pool, ≤ 50 characters, http/https URL; one per room) and
 * directory groups used as principals (§2.4). One transaction per mutation with its audit entry.
 */
import { ServerError } from '../../../errors/server-error.js';
import type { AuditService } from '../../audit/audit-service.js';
import type { ActionContext } from '../../shared/actor.js';
import type { Clock, IdGenerator } from '../../shared/clock-port.js';
import type { DataPort, Readers } from '../../shared/data-port.js';
import type { EventPublisher } from '../../shared/events-port.js';
import type { Addin, Group } from './directory-repo-port.js';

export interface DirectoryDeps {
  data: DataPort;
  audit: AuditService;
  events: EventPublisher;
  clock: Clock;
  newId: IdGenerator;
}

const addinNotFound = (id: string) => new ServerError('ERR_ADDIN_NOT_FOUND', undefined, { id, field: 'id' });
const groupNotFound = (id: string) => new ServerError('ERR_GROUP_NOT_FOUND', undefined, { id, field: 'id' });

export function createDirectoryService({ data, audit, events, clock, newId }: DirectoryDeps) {
  function addinNameFree(r: Readers, name: string, except?: string): void {
    const found = r.directory.findAddinByName(name);
    if (found && found.id !== except)
      throw new ServerError('ERR_ADDIN_NAME_TAKEN', undefined, { field: 'name', id: found.id });
  }
  function groupNameFree(r: Readers, name: string, except?: string): void {
    const found = r.directory.findGroupByName(name);
    if (found && found.id !== except)
      throw new ServerError('ERR_GROUP_NAME_TAKEN', undefined, { field: 'name', id: found.id });
  }
  function usersOnly(r: Readers, members: readonly string[]): string[] {
    for (const m of members) {
      if (!m.startsWith('sip:') || !r.users.findRecordBySipUri(m)) {
        throw new ServerError('ERR_PRINCIPAL_NOT_FOUND', `${m} is not a user`, { field: 'members', principal: m });
      }
    }
    return [...new Set(members)];
  }

  async function createAddin(input: { name: string; url: string }, { actor }: ActionContext): Promise<Addin> {
    const created = await data.transaction((w) => {
      addinNameFree(w, input.name);
      const now = clock.now().toISOString();
      const record = { id: newId(), name: input.name, url: input.url, createdAt: now, updatedAt: now };
      w.directory.insertAddin(record);
      w.audit.append(audit.entry(actor, 'addin.create', record.id, null, record));
      return w.directory.getAddin(record.id)!;
    });
    events.publish({ name: 'addin.created', payload: created });
    return created;
  }

  async function updateAddin(
    input: { id: string; name?: string; url?: string },
    { actor }: ActionContext,
  ): Promise<Addin> {
    const updated = await data.transaction((w) => {
      const before = w.directory.getAddin(input.id);
      if (!before) throw addinNotFound(input.id);
      if (input.name !== undefined) addinNameFree(w, input.name, before.id);
      const { roomCount: _c, ...record } = before;
      const after = {
        ...record,
        name: input.name ?? before.name,
        url: input.url ?? before.url,
        updatedAt: clock.now().toISOString(),
      };
      w.directory.updateAddin(after);
      w.audit.append(audit.entry(actor, 'addin.update', before.id, record, after));
      return w.directory.getAddin(before.id)!;
    });
    events.publish({ name: 'addin.updated', payload: updated });
    return updated;
  }

  async function deleteAddin({ id }: { id: string }, { actor }: ActionContext) {
    const detachedRooms = await data.transaction((w) => {
      const before = w.directory.getAddin(id);
      if (!before) throw addinNotFound(id);
      const detached = w.directory.detachAddin(id);
      w.directory.deleteAddin(id);
      w.audit.append(audit.entry(actor, 'addin.delete', id, before, { detachedRooms: detached }));
      return detached;
    });
    events.publish({ name: 'addin.deleted', payload: { id } });
    return { id, detachedRooms };
  }

  async function setRoomAddin(input: { id: string; addinId: string | null }, { actor }: ActionContext) {
    const room = await data.transaction((w) => {
      const room = w.rooms.get(input.id);
      if (!room) throw new ServerError('ERR_ROOM_NOT_FOUND', undefined, { id: input.id, field: 'id' });
      if (input.addinId !== null && !w.directory.getAddin(input.addinId)) {
        throw new ServerError('ERR_ADDIN_NOT_FOUND', undefined, { id: input.addinId, field: 'addinId' });
      }
      const before = w.directory.roomAddin(room.id);
      w.directory.setRoomAddin(room.id, input.addinId);
      w.audit.append(audit.entry(actor, 'room.addin', room.id, { addinId: before }, { addinId: input.addinId }));
      return room;
    });
    events.publish({ name: 'room.updated', payload: room });
    return { id: input.id, addinId: input.addinId };
  }

  async function createGroup(
    input: { name: string; description: string; members: string[] },
    { actor }: ActionContext,
  ): Promise<Group> {
    const created = await data.transaction((w) => {
      groupNameFree(w, input.name);
      const now = clock.now().toISOString();
      const group: Group = {
        id: newId(),
        name: input.name,
        description: input.description,
        members: usersOnly(w, input.members),
        createdAt: now,
        updatedAt: now,
      };
      w.directory.insertGroup(group);
      w.audit.append(audit.entry(actor, 'group.create', group.id, null, group));
      return w.directory.getGroup(group.id)!;
    });
    events.publish({ name: 'group.created', payload: created });
    return created;
  }

  async function updateGroup(
    input: { id: string; name?: string; description?: string; members?: string[] },
    { actor }: ActionContext,
  ): Promise<Group> {
    const updated = await data.transaction((w) => {
      const before = w.directory.getGroup(input.id);
      if (!before) throw groupNotFound(input.id);
      if (input.name !== undefined) groupNameFree(w, input.name, before.id);
      const after: Group = {
        ...before,
        name: input.name ?? before.name,
        description: input.description ?? before.description,
        members: input.members === undefined ? before.members : usersOnly(w, input.members),
        updatedAt: clock.now().toISOString(),
      };
      w.directory.updateGroup(after);
      w.audit.append(audit.entry(actor, 'group.update', before.id, before, after));
      return w.directory.getGroup(before.id)!;
    });
    events.publish({ name: 'group.updated', payload: updated });
    return updated;
  }

  async function deleteGroup({ id }: { id: string }, { actor }: ActionContext) {
    await data.transaction((w) => {
      const before = w.directory.getGroup(id);
      if (!before) throw groupNotFound(id);
      w.directory.deleteGroup(id);
      w.audit.append(audit.entry(actor, 'group.delete', id, before, null));
    });
    events.publish({ name: 'group.deleted', payload: { id } });
    return { id };
  }

  return {
    listAddins: () => data.read((r) => r.directory.listAddins()),
    createAddin,
    updateAddin,
    deleteAddin,
    setRoomAddin,
    listGroups: () => data.read((r) => r.directory.listGroups()),
    createGroup,
    updateGroup,
    deleteGroup,
  };
}

export type DirectoryService = ReturnType<typeof createDirectoryService>;
