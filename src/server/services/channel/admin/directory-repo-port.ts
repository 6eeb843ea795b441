/** Add-ins (LYNC.md §2.6) and directory groups used as principals (§2.4); store/repos/directory-repo.ts. */
export interface Addin {
  id: string;
  name: string;
  url: string;
  roomCount: number;
  createdAt: string;
  updatedAt: string;
}

export type AddinRecord = Omit<Addin, 'roomCount'>;

export interface Group {
  id: string;
  name: string;
  description: string;
  /** SIP URIs of the users in the group. */
  members: string[];
  createdAt: string;
  updatedAt: string;
}

export interface DirectoryReader {
  listAddins(): Addin[];
  getAddin(id: string): Addin | undefined;
  findAddinByName(name: string): Addin | undefined;
  roomAddin(roomId: string): string | null;
  listGroups(): Group[];
  getGroup(id: string): Group | undefined;
  findGroupByName(name: string): Group | undefined;
}

export interface DirectoryWriter extends DirectoryReader {
  insertAddin(record: AddinRecord): void;
  updateAddin(record: AddinRecord): void;
  deleteAddin(id: string): void;
  setRoomAddin(roomId: string, addinId: string | null): void;
  /** Detaches the add-in from every room; returns how many rooms had it. */
  detachAddin(addinId: string): number;
  insertGroup(group: Group): void;
  updateGroup(group: Group): void;
  deleteGroup(id: string): void;
}
