/**
 * Which cached queries each server event makes stale (STYLE.md §7.5). Composed here because it
 * spans features: a room change alters category room counts, a category rename alters room rows.
 */
import type { QueryKey } from '@tanstack/react-query';
import type { AdminEvent } from '../../../server/admin-api/contract';
import { categoryKeys } from '../features/categories/api/category-keys';
import { complianceKeys } from '../features/compliance/api/compliance-keys';
import { roomKeys } from '../features/rooms/api/room-keys';
import { serverStatusKeys } from '../features/server-status/api/get-server-status';
import { userKeys } from '../features/users/api/user-keys';

export function invalidationsForEvent(event: AdminEvent): readonly QueryKey[] {
  switch (event.name) {
    case 'room.created':
    case 'room.updated':
    case 'room.deleted':
      return [roomKeys.lists(), roomKeys.detail(event.payload.id), categoryKeys.lists(), serverStatusKeys.all];
    case 'category.created':
    case 'category.updated':
    case 'category.deleted':
      return [categoryKeys.lists(), categoryKeys.detail(event.payload.id), roomKeys.all, serverStatusKeys.all];
    case 'user.created':
    case 'user.updated':
    case 'user.deleted':
      return [userKeys.lists(), userKeys.detail(event.payload.id), serverStatusKeys.all];
    // Persistent Chat policies (global → site → user) change who may use chat; the users view
    // shows each user's policy. A dedicated policies view keys its own queries.
    case 'policy.created':
    case 'policy.updated':
    case 'policy.deleted':
    case 'policy.assigned':
      return [userKeys.all, serverStatusKeys.all];
    // Channel events (contract-channel.ts): the room and category views refetch; the pages for
    // add-ins, groups, the room inspector and the chat configuration key their own queries later.
    case 'room.message.posted':
    case 'room.participants.changed':
    case 'room.roles.updated':
    case 'room.history.changed':
      return [roomKeys.detail(event.payload.roomId)];
    case 'category.scope.updated':
      return [categoryKeys.detail(event.payload.categoryId)];
    case 'addin.created':
    case 'addin.updated':
    case 'addin.deleted':
    case 'group.created':
    case 'group.updated':
    case 'group.deleted':
    case 'chat.config.updated':
      return [];
    // Compliance: progress and status refresh the status panel; a finished run also changes the
    // events (delivered, purged) and the output files.
    case 'compliance.run.progressed':
    case 'compliance.status.changed':
      return [complianceKeys.status()];
    case 'compliance.run.completed':
      return [complianceKeys.status(), complianceKeys.events(), complianceKeys.outputs()];
    default: {
      const unknownEvent: never = event;
      void unknownEvent;
      return [];
    }
  }
}
