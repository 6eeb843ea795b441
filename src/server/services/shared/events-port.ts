/**
 * Facts the services announce after commit (past tense, STYLE.md practice 6). The names and
 * payloads match the admin contract's events; the composition root forwards them to transports.
 */
import type { Category } from '../categories/category-repo-port.js';
import type { ChatPolicy } from '../policy/policy-repo-port.js';
import type { Room } from '../rooms/room-repo-port.js';
import type { User } from '../users/user-repo-port.js';

export type DomainEvent =
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
  | { name: 'policy.assigned'; payload: { userId: string; policyId: string | null } };

export interface EventPublisher {
  publish(event: DomainEvent): void;
}
