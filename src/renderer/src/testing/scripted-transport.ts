/**
 * An AdminTransport for unit tests of the client-side logic (envelope unwrapping, event mapping):
 * answers each call with the supplied function and lets the test push transport signals.
 */
import type { AdminMethod } from '../../../server/admin-api/contract';
import type { AdminResult } from '../../../server/admin-api/contract-errors';
import type { AdminTransport, TransportSignal } from '../api/transport';

export interface ScriptedTransport extends AdminTransport {
  calls: { method: AdminMethod; input: unknown }[];
  emit(signal: TransportSignal): void;
  listenerCount(): number;
}

export function createScriptedTransport(
  answer: (method: AdminMethod, input: unknown) => Promise<AdminResult<unknown>> | AdminResult<unknown>,
): ScriptedTransport {
  const listeners = new Set<(signal: TransportSignal) => void>();
  const calls: ScriptedTransport['calls'] = [];
  return {
    calls,
    async call(method, input) {
      calls.push({ method, input });
      return answer(method, input);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(signal) {
      for (const listener of listeners) listener(signal);
    },
    listenerCount: () => listeners.size,
  };
}
