/**
 * The Channel service's storage port (implemented in store/repos/channel-repo.ts). Principals are
 * strings: `sip:{user}@{domain}`, `group:{group id}` or `domain:{sip domain}` (LYNC.md §2.4).
 */
export type RoomRole = 'member' | 'manager' | 'presenter';
export type CategoryPrincipalKind = 'allowed' | 'denied' | 'creator';

export interface RoomRoles {
  members: string[];
  managers: string[];
  presenters: string[];
}

export interface CategoryScope {
  allowedMembers: string[];
  deniedMembers: string[];
  creators: string[];
}

export interface StoredMessage {
  /** Global row id (FTS docid, rises with time). */
  id: number;
  roomNum: number;
  /** Per-room message id (`tblChat.chatId`). */
  seq: number;
  author: string;
  /** Server receive time, ms since the epoch. */
  postedAt: number;
  text: string;
  alert: boolean;
  story?: { title: string; body: string };
  /** Unknown grpchat attributes / child elements, passed on unchanged (XCCOS.md §6.12). */
  extra?: { attributes?: Record<string, string>; elements?: string[] };
}

export type NewMessage = Omit<StoredMessage, 'id'>;

export type SearchMode = 'all' | 'any' | 'phrase';

export interface MessageSearch {
  text: string;
  mode: SearchMode;
  roomNums: number[];
  author?: string;
  from?: number;
  to?: number;
  beforeId?: number;
  limit: number;
}

export interface ServerChatConfig {
  defaultChatHistory: number;
  maxFileSizeKb: number;
  participantUpdateLimit: number;
  messageSizeLimit: number;
  storySizeLimit: number;
  searchLimit: number;
  roomManagementUrl: string;
  dbVersion: string;
}

export interface Invitation {
  userUri: string;
  inviteId: number;
  roomId: string;
  createdAt: string;
}

export interface StoredPref {
  label: string;
  seqid: number;
  content: string;
}

export interface FileToken {
  token: string;
  direction: 'upload' | 'download';
  userUri: string;
  roomId: string;
  fileName: string;
  expiresAt: string;
}

export interface StoredFile {
  id: string;
  roomId: string;
  name: string;
  sha256: string;
  size: number;
  uploadedBy: string;
  uploadedAt: string;
}

export interface ChannelReader {
  roomNum(roomId: string): number | undefined;
  roomIdByNum(roomNum: number): string | undefined;
  roles(roomId: string): RoomRoles;
  scope(categoryId: string): CategoryScope;
  /** Group ids whose member list holds the user. */
  groupsOf(userUri: string): string[];
  /** Rooms where the principal set holds a role, for getassociations and the console. */
  roomsWithRole(principals: string[], role: RoomRole): string[];
  /** Categories where any of the principals is a creator. */
  categoriesWithCreator(principals: string[]): string[];
  /** Newest first; `beforeSeq` pages backwards. */
  lastMessages(roomNum: number, limit: number, beforeSeq?: number): StoredMessage[];
  /** Newest first. */
  searchMessages(query: MessageSearch): StoredMessage[];
  messagesInWindow(roomNum: number, opts: { author?: string; from?: number; to?: number }): StoredMessage[];
  countMessages(roomNum: number): number;
  invitationsSince(userUri: string, afterId: number): Invitation[];
  invitationsForRoom(roomId: string): Invitation[];
  pref(userUri: string, label: string): StoredPref | undefined;
  follows(userUri: string): string[];
  /** Followed rooms with the number of messages after the user's last read one. */
  unread(userUri: string): { roomId: string; unread: number; lastSeq: number }[];
  serverConfig(): ServerChatConfig;
  fileToken(token: string): FileToken | undefined;
  file(roomId: string, idOrName: string): StoredFile | undefined;
}

export interface ChannelWriter extends ChannelReader {
  /** Assigns the next per-room message id. */
  nextSeq(roomNum: number): number;
  insertMessage(message: NewMessage): number;
  updateMessageText(id: number, text: string): void;
  deleteMessage(id: number): void;
  /** Deletes messages posted at or before `until` (ms); returns how many. */
  deleteMessagesUntil(roomNum: number, until: number): number;
  setRoles(roomId: string, role: RoomRole, principals: string[]): void;
  setScope(categoryId: string, kind: CategoryPrincipalKind, principals: string[]): void;
  /** Next per-user invitation id and the row. */
  addInvitation(userUri: string, roomId: string, createdAt: string): number;
  setPref(userUri: string, pref: StoredPref): void;
  setFollow(userUri: string, roomId: string, follow: boolean): void;
  /** Raises a followed room's last-read message id (no-op for rooms not followed). */
  markRead(userUri: string, roomId: string, seq: number): void;
  updateServerConfig(config: ServerChatConfig): void;
  insertFileToken(token: FileToken): void;
  deleteFileToken(token: string): void;
  insertFile(file: StoredFile): void;
}
