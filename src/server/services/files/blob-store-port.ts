/** Content-addressed file contents (store/file-blob-store.ts): atomic writes, named by SHA-256. */
export interface BlobStore {
  /** Writes the bytes durably (temp file, fsync, rename) unless already present. */
  put(bytes: Uint8Array): Promise<{ sha256: string; size: number }>;
  get(sha256: string): Promise<Uint8Array | undefined>;
}
