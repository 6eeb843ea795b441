/**
 * Loads what a permission decision needs (room, category flags, scope, roles) and applies
 * channel-policy. One read; no caching, so an admin change applies to the very next command.
 */
import type { Category } from '../categories/category-repo-port.js';
import type { Room } from '../rooms/room-repo-port.js';
import type { Readers } from '../shared/data-port.js';
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
  const flags = roomFlags(room, category);
  const rights = roomRights(
    user,
    { privacy: room.privacy, type: room.type, disabled: room.disabled, fileUpload: flags.filePost },
    r.channel.scope(category.id),
    r.channel.roles(room.id),
  );
  return { room, category, flags, rights, roomNum: r.channel.roomNum(room.id)! };
}
