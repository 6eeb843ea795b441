/** The compliance output directory (implemented by files/compliance-output-directory.ts). */
export interface ComplianceOutputFile {
  name: string;
  bytes: number;
  modifiedAt: string;
}

export interface ComplianceOutputPort {
  /** temp file (pid + random suffix) → fsync → rename over `name` → fsync the directory. */
  writeFile(dir: string, name: string, chunks: Iterable<string>): Promise<void>;
  /** Copies `source` to `dir/name` atomically; false when the source does not exist. */
  copyFile(dir: string, name: string, source: string): Promise<boolean>;
  /** Files directly in `dir` and in its `files/` subfolder (as `files/<name>`), newest first. */
  list(dir: string): Promise<ComplianceOutputFile[]>;
  /** Reads a UTF-8 window of a listed file. */
  read(dir: string, name: string, offset: number, maxBytes: number): Promise<{ content: string; bytes: number }>;
}

/** Where the Channel service keeps uploaded files (for CreateFileAttachmentsManifest copies). */
export interface ComplianceFileSource {
  /** Absolute path of a stored file (by its content hash when known), or null when unknown. */
  pathOf(file: { name: string; sha256: string | null }): string | null;
}
