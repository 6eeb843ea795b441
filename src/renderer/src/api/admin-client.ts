/**
 * The typed admin client (STYLE.md §7.4): `call<M>()` checked against the contract, unwrapping the
 * AdminResult envelope; failures throw AdminClientError carrying the catalogue code.
 */
import type { AdminInput, AdminMethod, AdminOutput } from '../../../server/admin-api/contract';
import type { AdminErrorCode } from '../../../server/admin-api/contract-errors';
import { createTransport, type AdminTransport, type TransportSignal } from './transport';

export class AdminClientError extends Error {
  override readonly name = 'AdminClientError';
  readonly code: AdminErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: AdminErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

export function isAdminClientError(error: unknown): error is AdminClientError {
  return error instanceof AdminClientError;
}

export interface AdminClient {
  call<M extends AdminMethod>(method: M, input: AdminInput<M>): Promise<AdminOutput<M>>;
  subscribe(listener: (signal: TransportSignal) => void): () => void;
}

export function createAdminClient(transport: AdminTransport): AdminClient {
  return {
    async call<M extends AdminMethod>(method: M, input: AdminInput<M>): Promise<AdminOutput<M>> {
      let result;
      try {
        result = await transport.call(method, input);
      } catch (cause) {
        const message = cause instanceof Error ? cause.message : String(cause);
        throw new AdminClientError('ERR_SERVER_UNAVAILABLE', message);
      }
      if (result.ok) return result.value as AdminOutput<M>;
      const { code, message, details } = result.error;
      throw new AdminClientError(code, message, details);
    },
    subscribe: (listener) => transport.subscribe(listener),
  };
}

let defaultClient: AdminClient | undefined;

/** The app-wide client, bound to the transport of the current host on first use. */
export function getAdminClient(): AdminClient {
  defaultClient ??= createAdminClient(createTransport());
  return defaultClient;
}

/** Feature api files call this; it is the only way they reach the server. */
export function callAdmin<M extends AdminMethod>(method: M, input: AdminInput<M>): Promise<AdminOutput<M>> {
  return getAdminClient().call(method, input);
}
