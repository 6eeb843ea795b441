/** A category as the services and the admin contract see it (LYNC.md §2.2). */
export interface Category {
  id: string;
  uri: string;
  name: string;
  description: string;
  invitations: boolean;
  fileUpload: boolean;
  chatHistory: boolean;
  roomCount: number;
  createdAt: string;
  updatedAt: string;
}

/** What is written: the stored columns (no derived room count). */
export interface CategoryRecord extends Omit<Category, 'roomCount'> {
  createdBy: string;
  updatedBy: string;
}

export interface CategoryReader {
  list(): Category[];
  get(id: string): Category | undefined;
  getRecord(id: string): CategoryRecord | undefined;
  /** Case-insensitive. */
  findByName(name: string): Category | undefined;
  count(): number;
}

export interface CategoryWriter extends CategoryReader {
  insert(record: CategoryRecord): void;
  update(record: CategoryRecord): void;
  delete(id: string): void;
}
