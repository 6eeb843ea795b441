/**
 * Room actions for administrators (LYNC.md §2.3): names unique per pool, description at most
 * 256 characters, a category is required and must exist. One transaction per mutation with its
 * audit entry; events after commit.
 */
import { ServerError } from '../../errors/server-error.js';
import type { AuditService } from '../audit/audit-service.js';
import { categoryNotFound } from '../categories/categories-service.js';
import type { ActionContext } from '../shared/actor.js';
import type { Clock, IdGenerator } from '../shared/clock-port.js';
import type { DataPort, Readers, Writers } from '../shared/data-port.js';
import type { EventPublisher } from '../shared/events-port.js';
import { checkDescription, checkName } from '../shared/validate.js';
import type { Room, RoomFilter, RoomInvitations, RoomPrivacy, RoomRecord, RoomType } from './room-repo-port.js';

export interface RoomsDeps {
  data: DataPort;
  audit: AuditService;
  events: EventPublisher;
  clock: Clock;
  newId: IdGenerator;
  /** SIP domain, for `ma-chan://<domain>/<guid>`. */
  domain: string;
  /**
   * Runs inside the transaction that moves a room to another category: purges role entries outside
   * the new scope (LYNC.md §2.3) and returns what it removed, for the audit entry.
   */
  onCategoryChange?: (w: Writers, roomId: string, categoryId: string) => unknown;
}

export interface CreateRoomInput {
  name: string;
  description: string;
  categoryId: string;
  privacy: RoomPrivacy;
  type: RoomType;
  invitations: RoomInvitations;
  disabled: boolean;
}

export interface UpdateRoomInput {
  id: string;
  name?: string;
  description?: string;
  categoryId?: string;
  privacy?: RoomPrivacy;
  type?: RoomType;
  invitations?: RoomInvitations;
  disabled?: boolean;
}

export type RoomsService = ReturnType<typeof createRoomsService>;

function roomNotFound(id: string): ServerError {
  return new ServerError('ERR_ROOM_NOT_FOUND', undefined, { id, field: 'id' });
}

export function createRoomsService({ data, audit, events, clock, newId, domain, onCategoryChange }: RoomsDeps) {
  function assertNameFree(r: Readers, name: string, exceptId?: string): void {
    const existing = r.rooms.findByName(name);
    if (existing && existing.id !== exceptId) {
      throw new ServerError('ERR_ROOM_NAME_TAKEN', `A room named "${existing.name}" already exists`, {
        field: 'name',
        id: existing.id,
      });
    }
  }

  function assertCategory(r: Readers, categoryId: string): void {
    if (!r.categories.get(categoryId)) throw categoryNotFound(categoryId, 'categoryId');
  }

  function listRooms(filter: RoomFilter = {}): Room[] {
    return data.read((r) => r.rooms.list(filter));
  }

  function getRoom(id: string): Room {
    const room = data.read((r) => r.rooms.get(id));
    if (!room) throw roomNotFound(id);
    return room;
  }

  async function createRoom(input: CreateRoomInput, { actor }: ActionContext): Promise<Room> {
    const name = checkName(input.name);
    const description = checkDescription(input.description);
    const created = await data.transaction((w) => {
      assertCategory(w, input.categoryId);
      assertNameFree(w, name);
      const id = newId();
      const now = clock.now().toISOString();
      const record: RoomRecord = {
        id,
        uri: `ma-chan://${domain}/${id}`,
        name,
        description,
        privacy: input.privacy,
        type: input.type,
        invitations: input.invitations,
        disabled: input.disabled,
        categoryId: input.categoryId,
        createdAt: now,
        createdBy: actor.name,
        updatedAt: now,
        updatedBy: actor.name,
      };
      w.rooms.insert(record);
      w.audit.append(audit.entry(actor, 'room.create', id, null, record));
      return w.rooms.get(id)!;
    });
    events.publish({ name: 'room.created', payload: created });
    return created;
  }

  async function updateRoom(input: UpdateRoomInput, { actor }: ActionContext): Promise<Room> {
    const name = input.name === undefined ? undefined : checkName(input.name);
    const description = input.description === undefined ? undefined : checkDescription(input.description);
    const updated = await data.transaction((w) => {
      const before = w.rooms.get(input.id);
      if (!before) throw roomNotFound(input.id);
      if (input.categoryId !== undefined) assertCategory(w, input.categoryId);
      if (name !== undefined) assertNameFree(w, name, before.id);
      const { categoryName: _omit, ...old } = before;
      const after: RoomRecord = {
        ...old,
        name: name ?? old.name,
        description: description ?? old.description,
        categoryId: input.categoryId ?? old.categoryId,
        privacy: input.privacy ?? old.privacy,
        type: input.type ?? old.type,
        invitations: input.invitations ?? old.invitations,
        disabled: input.disabled ?? old.disabled,
        updatedAt: clock.now().toISOString(),
        updatedBy: actor.name,
      };
      w.rooms.update(after);
      const purged =
        after.categoryId !== old.categoryId && onCategoryChange
          ? onCategoryChange(w, before.id, after.categoryId)
          : undefined;
      w.audit.append(
        audit.entry(actor, 'room.update', before.id, old, purged === undefined ? after : { ...after, purged }),
      );
      return w.rooms.get(before.id)!;
    });
    events.publish({ name: 'room.updated', payload: updated });
    return updated;
  }

  async function deleteRoom({ id }: { id: string }, { actor }: ActionContext): Promise<{ id: string }> {
    await data.transaction((w) => {
      const before = w.rooms.get(id);
      if (!before) throw roomNotFound(id);
      w.rooms.delete(id);
      w.audit.append(audit.entry(actor, 'room.delete', id, before, null));
    });
    events.publish({ name: 'room.deleted', payload: { id } });
    return { id };
  }

  return { listRooms, getRoom, createRoom, updateRoom, deleteRoom };
}
