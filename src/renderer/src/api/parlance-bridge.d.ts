/**
 * The shape of `window.parlance`, exposed by the Electron preload (STYLE.md §7.3): exactly two
 * functions. Typed from the admin contract. Declared here without augmenting `Window`, so the
 * renderer does not depend on how the preload declares it; transport.ts reads it defensively.
 */
import type { AdminEvent, AdminInput, AdminMethod } from '../../../server/admin-api/contract';
import type { AdminResult } from '../../../server/admin-api/contract-errors';

export interface ParlanceBridge {
  call<M extends AdminMethod>(method: M, input: AdminInput<M>): Promise<AdminResult<unknown>>;
  subscribe(listener: (event: AdminEvent) => void): () => void;
}
