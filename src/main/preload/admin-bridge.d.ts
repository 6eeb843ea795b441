/**
 * `window.parlance`, as exposed by the preload (src/main/preload/index.ts). Typed from the admin
 * contract only, so tsconfig.web.json can include this file without Node types. The renderer's
 * transport (`ipcTransport(window.parlance)`) relies on exactly this shape.
 */
import type { AdminEvent } from '../../server/admin-api/contract.js';
import type { AdminResult } from '../../server/admin-api/contract-errors.js';

export interface ParlanceBridge {
  call(method: string, input: unknown): Promise<AdminResult<unknown>>;
  subscribe(cb: (event: AdminEvent) => void): () => void;
}

declare global {
  interface Window {
    /** Present only inside the Electron window; the browser console uses HTTP instead. */
    parlance?: ParlanceBridge;
  }
}
