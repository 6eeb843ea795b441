import type { Logger } from '../../log/logger.js';
import type { DomainEvent, EventPublisher } from './events-port.js';

export interface EventBus extends EventPublisher {
  subscribe(listener: (event: DomainEvent) => void): () => void;
}

/** In-memory fan-out of committed facts; a throwing listener is logged and skipped. */
export function createEventBus(logger: Logger): EventBus {
  const listeners = new Set<(event: DomainEvent) => void>();
  return {
    publish(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (err) {
          logger.error('event listener failed', { event: event.name, err });
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
