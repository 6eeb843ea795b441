/** The Channel service's committed facts (mirrors contract-channel.ts `channelEvents`). */
import type { Addin, Group } from './admin/directory-repo-port.js';
import type { ServerChatConfig } from './channel-repo-port.js';

export type ChannelDomainEvent =
  | {
      name: 'room.message.posted';
      payload: {
        roomId: string;
        messageId: number;
        author: string;
        at: string;
        text: string;
        alert: boolean;
        storyTitle: string | null;
      };
    }
  | { name: 'room.participants.changed'; payload: { roomId: string; count: number; suppressed: boolean } }
  | { name: 'room.roles.updated'; payload: { roomId: string } }
  | { name: 'room.history.changed'; payload: { roomId: string } }
  | { name: 'category.scope.updated'; payload: { categoryId: string } }
  | { name: 'addin.created'; payload: Addin }
  | { name: 'addin.updated'; payload: Addin }
  | { name: 'addin.deleted'; payload: { id: string } }
  | { name: 'group.created'; payload: Group }
  | { name: 'group.updated'; payload: Group }
  | { name: 'group.deleted'; payload: { id: string } }
  | { name: 'chat.config.updated'; payload: ServerChatConfig }
  | {
      name: 'feed.counts.changed';
      payload: { userId: string; feedIds: string[]; reason: 'created' | 'updated' | 'deleted' | 'seen' | 'matched' };
    };
