export type RoomPrivacy = 'open' | 'closed' | 'secret';
export type RoomType = 'normal' | 'auditorium';
export type RoomInvitations = 'inherit' | 'false';

/** A room as the services and the admin contract see it (LYNC.md §2.3). */
export interface Room {
  id: string;
  uri: string;
  name: string;
  description: string;
  privacy: RoomPrivacy;
  type: RoomType;
  invitations: RoomInvitations;
  disabled: boolean;
  categoryId: string;
  categoryName: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export type RoomRecord = Omit<Room, 'categoryName'>;

export interface RoomFilter {
  categoryId?: string;
  privacy?: RoomPrivacy;
  type?: RoomType;
  disabled?: boolean;
  /** Case-insensitive substring of the name or description. */
  search?: string;
}

export interface RoomReader {
  list(filter: RoomFilter): Room[];
  get(id: string): Room | undefined;
  /** Case-insensitive. */
  findByName(name: string): Room | undefined;
  countInCategory(categoryId: string): number;
  count(): number;
}

export interface RoomWriter extends RoomReader {
  insert(record: RoomRecord): void;
  update(record: RoomRecord): void;
  delete(id: string): void;
}
