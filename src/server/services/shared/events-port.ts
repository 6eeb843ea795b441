/**
 * Facts the services announce after commit (past tense, STYLE.md practice 6). The names and
 * payloads match the admin contract's events; the composition root forwards them to transports.
 */
import type { Category } from '../categories/category-repo-port.js';
import type { ChannelDomainEvent } from '../channel/channel-domain-events.js';
import type { ComplianceRun, ComplianceRunTrigger } from '../compliance/compliance-queue-port.js';
import type { ChatPolicy } from '../policy/policy-repo-port.js';
import type { Room } from '../rooms/room-repo-port.js';
import type { User } from '../users/user-repo-port.js';

export type DomainEvent =
  | ChannelDomainEvent
  | { name: 'category.created'; payload: Category }
  | { name: 'category.updated'; payload: Category }
  | { name: 'category.deleted'; payload: { id: string } }
  | { name: 'room.created'; payload: Room }
  | { name: 'room.updated'; payload: Room }
  | { name: 'room.deleted'; payload: { id: string } }
  | { name: 'user.created'; payload: User }
  | { name: 'user.updated'; payload: User }
  | { name: 'user.deleted'; payload: { id: string } }
  | { name: 'policy.created'; payload: ChatPolicy }
  | { name: 'policy.updated'; payload: ChatPolicy }
  | { name: 'policy.deleted'; payload: { id: string } }
  | { name: 'policy.assigned'; payload: { userId: string; policyId: string | null } }
  | {
      name: 'compliance.run.progressed';
      payload: {
        runId: string;
        trigger: ComplianceRunTrigger;
        startedAt: string;
        queueDepthAtStart: number;
        eventsProcessed: number;
        batches: number;
        files: number;
      };
    }
  | { name: 'compliance.run.completed'; payload: ComplianceRun }
  | {
      name: 'compliance.status.changed';
      payload: {
        reason: 'config' | 'run-started' | 'run-finished';
        queueDepth: number;
        running: boolean;
        nextRunAt: string | null;
      };
    };

export interface EventPublisher {
  publish(event: DomainEvent): void;
}
