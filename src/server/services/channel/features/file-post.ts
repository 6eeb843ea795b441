/**
 * File posting (LYNC.md §2.8, XCCOS.md §6.11): `cmd:getfutok` / `cmd:getfdtok` give a GUID token
 * for one user, one room and one file name, valid 30 minutes; uploads only where the category
 * allows file upload, downloads wherever the user may read. The HTTP side is services/files.
 */
import type { Writers } from '../../shared/data-port.js';
import type { Refusal } from '../channel-events.js';
import type { RoomAccess } from '../room-access.js';

export const FILE_TOKEN_TTL_MS = 30 * 60 * 1000;
/** The path the SfB web service uses (XCCOS.md §8.4); Parlance serves uploads and downloads there. */
export const FILE_SERVICE_PATH = '/PersistentChat/MGCWebService.asmx';

/** Path and name safety: one plain file name, no directories, no control characters. */
export function safeFileName(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 255 || trimmed === '.' || trimmed === '..') return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[/\\\x00-\x1f\x7f:*?"<>|]/.test(trimmed)) return undefined;
  return trimmed;
}

/** The name a download token may name: a plain name, or `ma-filelink://{domain}/{room}/{file id}`. */
export function fileRefOf(fileUrl: string): string {
  const m = /^ma-filelink:\/\/[^/]+\/[^/]+\/([^/]+)$/i.exec(fileUrl.trim());
  return m ? m[1]! : fileUrl.trim();
}

export function fileTokenRefusal(access: RoomAccess, direction: 'upload' | 'download'): Refusal | undefined {
  if (access.room.disabled) return { code: 'ERR_XCCOS_NODE_DISABLED', reason: 'the room is disabled' };
  if (direction === 'download') {
    return access.rights.download ? undefined : { code: 'ERR_XCCOS_PERMISSION', reason: 'may not read the room' };
  }
  if (!access.flags.filePost) return { code: 'ERR_XCCOS_PERMISSION', reason: 'file upload is off for this room' };
  return access.rights.upload ? undefined : { code: 'ERR_XCCOS_PERMISSION', reason: 'may not post in the room' };
}

export function issueFileToken(
  w: Writers,
  token: { id: string; direction: 'upload' | 'download'; userUri: string; roomId: string; fileName: string },
  now: number,
): string {
  w.channel.insertFileToken({
    token: token.id,
    direction: token.direction,
    userUri: token.userUri,
    roomId: token.roomId,
    fileName: token.fileName,
    expiresAt: new Date(now + FILE_TOKEN_TTL_MS).toISOString(),
  });
  return token.id;
}
