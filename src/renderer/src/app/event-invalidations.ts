/**
 * Which cached queries each server event makes stale (STYLE.md §7.5). Composed here because it
 * spans features: a room change alters category room counts, a category rename alters room rows.
 */
import type { QueryKey } from '@tanstack/react-query';
import type { AdminEvent } from '../../../server/admin-api/contract';
import { addinKeys } from '../features/addins/api/addin-keys';
import { categoryKeys } from '../features/categories/api/category-keys';
import { chatConfigKeys } from '../features/chat-config/api/get-chat-config';
import { complianceKeys } from '../features/compliance/api/compliance-keys';
import { groupKeys } from '../features/groups/api/group-keys';
import { policyKeys } from '../features/policies/api/policy-keys';
import { roomInspectorKeys } from '../features/room-inspector/api/room-inspector-keys';
import { roomKeys } from '../features/rooms/api/room-keys';
import { serverStatusKeys } from '../features/server-status/api/get-server-status';
import { topicFeedKeys } from '../features/topic-feeds/api/topic-feed-keys';
import { userKeys } from '../features/users/api/user-keys';

export function invalidationsForEvent(event: AdminEvent): readonly QueryKey[] {
  switch (event.name) {
    case 'room.created':
    case 'room.updated':
    case 'room.deleted':
      return [
        roomKeys.lists(),
        roomKeys.detail(event.payload.id),
        roomInspectorKeys.room(event.payload.id),
        categoryKeys.lists(),
        serverStatusKeys.all,
      ];
    case 'category.created':
    case 'category.updated':
    case 'category.deleted':
      return [categoryKeys.lists(), categoryKeys.detail(event.payload.id), roomKeys.all, serverStatusKeys.all];
    case 'user.created':
    case 'user.updated':
    case 'user.deleted':
      return [userKeys.lists(), userKeys.detail(event.payload.id), policyKeys.all, serverStatusKeys.all];
    // Persistent Chat policies (global → site → user) change who may use chat: the policy list
    // (user counts) and every user's effective policy.
    case 'policy.created':
    case 'policy.updated':
    case 'policy.deleted':
    case 'policy.assigned':
      return [policyKeys.all, userKeys.all, serverStatusKeys.all];
    // Channel events (contract-channel.ts).
    case 'room.message.posted':
      return [
        roomInspectorKeys.history(event.payload.roomId),
        roomInspectorKeys.details(event.payload.roomId),
        roomInspectorKeys.searches(event.payload.roomId),
      ];
    case 'room.participants.changed':
      return [roomInspectorKeys.participants(event.payload.roomId), roomInspectorKeys.details(event.payload.roomId)];
    case 'room.roles.updated':
      return [roomKeys.detail(event.payload.roomId), roomInspectorKeys.details(event.payload.roomId)];
    case 'room.history.changed':
      return [
        roomInspectorKeys.history(event.payload.roomId),
        roomInspectorKeys.details(event.payload.roomId),
        roomInspectorKeys.searches(event.payload.roomId),
      ];
    // A scope change may purge room roles anywhere in the category.
    case 'category.scope.updated':
      return [categoryKeys.detail(event.payload.categoryId), roomKeys.details(), roomInspectorKeys.all];
    case 'addin.created':
    case 'addin.updated':
    case 'addin.deleted':
      return [addinKeys.all, roomKeys.details(), roomInspectorKeys.all];
    case 'group.created':
    case 'group.updated':
    case 'group.deleted':
      return [groupKeys.all];
    case 'chat.config.updated':
      return [chatConfigKeys.all];
    case 'feed.counts.changed':
      return [topicFeedKeys.list(event.payload.userId), topicFeedKeys.matchesOf(event.payload.userId)];
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
