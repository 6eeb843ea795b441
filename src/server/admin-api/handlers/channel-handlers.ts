/** Handlers of the Channel contract methods (contract-channel.ts). Thin: services do the work. */
import type { channelMethods } from '../contract-channel.js';
import type { DirectoryService } from '../../services/channel/admin/directory-service.js';
import type { MessagesService } from '../../services/channel/admin/messages-service.js';
import type { RoomRolesService } from '../../services/channel/admin/room-roles-service.js';
import type { TopicFeedsService } from '../../services/channel/features/topic-feeds/topic-feeds-service.js';
import type { AdminHandlers } from './handler-types.js';

export type ChannelMethod = keyof typeof channelMethods;

export interface ChannelHandlerServices {
  roles: RoomRolesService;
  directory: DirectoryService;
  messages: MessagesService;
  topicFeeds: TopicFeedsService;
  /** Live participants from the Channel service. */
  participants(roomId: string): { uri: string; endpoints: number }[];
  suppressed(roomId: string): boolean;
  displayName(uri: string): string;
  assertRoom(roomId: string): void;
}

export function channelHandlers(s: ChannelHandlerServices): Pick<AdminHandlers, ChannelMethod> {
  return {
    'categories.getScope': async ({ id }) => s.roles.getScope(id),
    'categories.setScope': (input, { actor }) => s.roles.setScope(input, { actor }),
    'rooms.getRoles': async ({ id }) => s.roles.getRoles(id),
    'rooms.setRoles': (input, { actor }) => s.roles.setRoles(input, { actor }),
    'rooms.move': (input, { actor }) => s.roles.moveRoom(input, { actor }),
    'rooms.setAddin': (input, { actor }) => s.directory.setRoomAddin(input, { actor }),
    'rooms.details': async ({ id }) => s.messages.details(id),
    'rooms.participants': async ({ id }) => {
      s.assertRoom(id);
      return {
        items: s.participants(id).map((p) => ({ ...p, displayName: s.displayName(p.uri) })),
        suppressed: s.suppressed(id),
      };
    },
    'rooms.eligiblePrincipals': async (input) => ({ items: s.roles.eligiblePrincipals(input) }),
    'rooms.clearHistory': (input, { actor }) => s.messages.clearHistory(input, { actor }),
    'rooms.invitations': async ({ id }) => ({ items: s.messages.invitations(id) }),
    'messages.removeOrReplace': (input, { actor }) => s.messages.removeOrReplace(input, { actor }),
    'messages.search': (input, { actor }) => s.messages.search(input, { actor }),
    'messages.history': (input, { actor }) => s.messages.history(input, { actor }),
    'addins.list': async () => ({ items: s.directory.listAddins() }),
    'addins.create': (input, { actor }) => s.directory.createAddin(input, { actor }),
    'addins.update': (input, { actor }) => s.directory.updateAddin(input, { actor }),
    'addins.delete': (input, { actor }) => s.directory.deleteAddin(input, { actor }),
    'groups.list': async () => ({ items: s.directory.listGroups() }),
    'groups.create': (input, { actor }) => s.directory.createGroup(input, { actor }),
    'groups.update': (input, { actor }) => s.directory.updateGroup(input, { actor }),
    'groups.delete': (input, { actor }) => s.directory.deleteGroup(input, { actor }),
    'users.followedRooms': async ({ userId }) => ({ items: s.messages.followedRooms(userId) }),
    'feeds.list': async ({ userId }) => ({ items: s.topicFeeds.list(userId) }),
    'feeds.create': (input, { actor }) => s.topicFeeds.create(input, { actor }),
    'feeds.update': (input, { actor }) => s.topicFeeds.update(input, { actor }),
    'feeds.delete': (input, { actor }) => s.topicFeeds.delete(input, { actor }),
    'feeds.matches': (input, { actor }) => s.topicFeeds.matches(input, { actor }),
    'feeds.markSeen': (input, { actor }) => s.topicFeeds.markSeen(input, { actor }),
    'chat.config': async () => s.messages.getConfig(),
    'chat.updateConfig': (input, { actor }) => s.messages.updateConfig(input, { actor }),
  };
}
