/**
 * File transfers with XCCOS tokens (XCCOS.md §6.11, LYNC.md §2.8; issue 5 item 9): a token names
 * one user, one room and one file, expires after 30 minutes and is used once. Upload: size ≤
 * MaxFileSizeKB, the room must still allow file posts for the user; the content goes to the
 * content-addressed blob store first, then one transaction records the file and its FILEUPLOAD
 * event and spends the token, and the room receives a message carrying the `ma-filelink:` link.
 * Download: rights re-checked, FILEDOWNLOAD recorded with the token spent, then the bytes.
 */
import { ServerError } from '../../errors/server-error.js';
import type { Clock, IdGenerator } from '../shared/clock-port.js';
import type { DataPort, Readers } from '../shared/data-port.js';
import type { FileToken } from '../channel/channel-repo-port.js';
import { fileTokenRefusal } from '../channel/features/file-post.js';
import { loadRoomAccess, policyUser, type RoomAccess } from '../channel/room-access.js';
import type { BlobStore } from './blob-store-port.js';

export interface FileServiceDeps {
  data: DataPort;
  clock: Clock;
  newId: IdGenerator;
  blobs: BlobStore;
  domain: string;
  /** Posts the link message into the room as the uploader (the Channel service's postAs). */
  post(userUri: string, input: { roomUri: string; text: string }): Promise<{ ok: boolean }>;
}

export function fileLink(domain: string, roomId: string, fileId: string): string {
  return `ma-filelink://${domain}/${roomId}/${fileId}`;
}

export function createFileService(deps: FileServiceDeps) {
  const { data, clock } = deps;

  function tokenAccess(
    r: Readers,
    token: string,
    direction: FileToken['direction'],
  ): { t: FileToken; access: RoomAccess } {
    const t = r.channel.fileToken(token);
    if (!t || t.direction !== direction || Date.parse(t.expiresAt) <= clock.now().getTime()) {
      throw new ServerError('ERR_FILE_TOKEN_INVALID');
    }
    const access = loadRoomAccess(r, t.roomId, policyUser(r, t.userUri));
    if (!access) throw new ServerError('ERR_FILE_TOKEN_INVALID');
    const refusal = fileTokenRefusal(access, direction);
    if (refusal) {
      throw new ServerError(
        direction === 'upload' && !access.flags.filePost ? 'ERR_FILE_UPLOAD_DISABLED' : 'ERR_FILE_TOKEN_INVALID',
        refusal.reason,
      );
    }
    return { t, access };
  }

  function userOf(r: Readers, uri: string) {
    const u = r.users.findRecordBySipUri(uri);
    return { id: u?.id ?? null, uri, name: u?.displayName ?? '', email: u?.email ?? '' };
  }

  async function upload(
    token: string,
    bytes: Uint8Array,
  ): Promise<{ fileId: string; link: string; name: string; size: number }> {
    const { t, maxBytes } = data.read((r) => ({
      t: tokenAccess(r, token, 'upload').t,
      maxBytes: r.channel.serverConfig().maxFileSizeKb * 1024,
    }));
    if (bytes.length > maxBytes)
      throw new ServerError('ERR_FILE_TOO_LARGE', undefined, { maxBytes, size: bytes.length });
    const blob = await deps.blobs.put(bytes);
    const fileId = deps.newId();
    const at = clock.now().toISOString();
    const access = await data.transaction((w) => {
      const { access } = tokenAccess(w, token, 'upload');
      w.channel.deleteFileToken(token);
      w.channel.insertFile({
        id: fileId,
        roomId: t.roomId,
        name: t.fileName,
        sha256: blob.sha256,
        size: blob.size,
        uploadedBy: t.userUri,
        uploadedAt: at,
      });
      w.compliance.record({
        type: 'FILEUPLOAD',
        at,
        room: { id: access.room.id, uri: access.room.uri, name: access.room.name, logged: access.flags.logged },
        user: userOf(w, t.userUri),
        content: t.fileName,
        details: { fileId, sha256: blob.sha256, size: blob.size },
      });
      return access;
    });
    const link = fileLink(deps.domain, t.roomId, fileId);
    await deps.post(t.userUri, { roomUri: access.room.uri, text: `${t.fileName} ${link}` });
    return { fileId, link, name: t.fileName, size: blob.size };
  }

  async function download(token: string): Promise<{ name: string; bytes: Uint8Array }> {
    const at = clock.now().toISOString();
    const file = await data.transaction((w) => {
      const { t, access } = tokenAccess(w, token, 'download');
      const file = w.channel.file(t.roomId, t.fileName);
      if (!file) throw new ServerError('ERR_FILE_NOT_FOUND');
      w.channel.deleteFileToken(token);
      w.compliance.record({
        type: 'FILEDOWNLOAD',
        at,
        room: { id: access.room.id, uri: access.room.uri, name: access.room.name, logged: access.flags.logged },
        user: userOf(w, t.userUri),
        content: file.name,
        details: { fileId: file.id, sha256: file.sha256, size: file.size },
      });
      return file;
    });
    const bytes = await deps.blobs.get(file.sha256);
    if (!bytes) throw new ServerError('ERR_FILE_NOT_FOUND', 'The file content is missing from the file store');
    return { name: file.name, bytes };
  }

  return { upload, download };
}

export type FileService = ReturnType<typeof createFileService>;
