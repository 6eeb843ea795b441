/**
 * Loads what a permission decision needs (room, category flags, scope, roles) and applies
 * channel-policy (`decideRoomAccess`, also used on remembered facts). One read; no caching, so
 * an admin change applies to the very next command.
 */
import type { Category } from '../categories/category-repo-port.js';
import type { Room } from '../rooms/room-repo-port.js';
import type { Readers } from '../shared/data-port.js';
import type { CategoryScope, RoomRoles } from './channel-repo-port.js';
import { roomRights, type PolicyUser, type RoomRights } from './channel-policy.js';

export interface RoomFlags {
  /** `prop:logged`: the category keeps chat history. */
  logged: boolean;
  /** `prop:filepost`: the category allows file upload. */
  filePost: boolean;
  /** `prop:invite`: the category allows invitations and the room inherits them. */
  invite: boolean;
}

export interface RoomAccess {
  room: Room;
  category: Category;
  flags: RoomFlags;
  rights: RoomRights;
  roomNum: number;
}

export function roomFlags(room: Room, category: Category): RoomFlags {
  return {
    logged: category.chatHistory,
    filePost: category.fileUpload,
    invite: category.invitations && room.invitations === 'inherit',
  };
}

/** The room id of `ma-chan://{domain}/{id}` when the domain is ours. */
export function roomIdFromUri(uri: string, domain: string): string | undefined {
  const m = /^ma-chan:\/\/([^/]+)\/(.+)$/i.exec(uri);
  if (!m || m[1]!.toLowerCase() !== domain.toLowerCase()) return undefined;
  return m[2];
}

export function policyUser(r: Readers, uri: string): PolicyUser {
  const record = r.users.findRecordBySipUri(uri);
  return { uri: uri.toLowerCase(), isAdmin: record?.role === 'admin', groups: r.channel.groupsOf(uri.toLowerCase()) };
}

export function loadRoomAccess(r: Readers, roomId: string, user: PolicyUser): RoomAccess | undefined {
  const room = r.rooms.get(roomId);
  if (!room) return undefined;
  const category = r.categories.get(room.categoryId)!;
  return decideRoomAccess(user, {
    room,
    category,
    scope: r.channel.scope(category.id),
    roles: r.channel.roles(room.id),
    roomNum: r.channel.roomNum(room.id)!,
  });
}

/** What a decision reads about a room (loaded by loadRoomAccess, or remembered by a caller). */
export interface RoomFacts {
  room: Room;
  category: Category;
  scope: CategoryScope;
  roles: RoomRoles;
  roomNum: number;
}

/** The decision itself, pure: channel-policy over the room's facts. */
export function decideRoomAccess(user: PolicyUser, f: RoomFacts): RoomAccess {
  const flags = roomFlags(f.room, f.category);
  const rights = roomRights(
    user,
    { privacy: f.room.privacy, type: f.room.type, disabled: f.room.disabled, fileUpload: flags.filePost },
    f.scope,
    f.roles,
  );
  return { room: f.room, category: f.category, flags, rights, roomNum: f.roomNum };
}
