/**
 * Room privacy (LYNC.md §2.3, XCCOS.md §6.8, §7): who may find and enter a room, and how privacy
 * reads on the wire (`urn:parlano:ma:info:visibilty`: Secret ↔ `private`, Closed ↔ `scoped`,
 * Open ↔ `open`). Hooks `room.joining` and `message.posting` with the membership rules; the
 * decision itself is channel-policy's.
 */
import type { WireVisibility } from '../../../protocol/xccos/blocks/room-listing.js';
import type { ChannelHooks } from '../channel-events.js';

export function wireVisibility(privacy: 'open' | 'closed' | 'secret'): WireVisibility {
  return privacy === 'secret' ? 'private' : privacy === 'closed' ? 'scoped' : 'open';
}

export function registerPrivacy(hooks: ChannelHooks): void {
  hooks.on('room.joining', ({ access }) => {
    if (access.room.disabled) return { code: 'ERR_XCCOS_NODE_DISABLED', reason: 'the room is disabled' };
    if (!access.rights.join) {
      return {
        code: 'ERR_XCCOS_PERMISSION',
        reason: access.room.privacy === 'open' ? 'not in the category scope' : 'not a member of the room',
      };
    }
    return undefined;
  });
  hooks.on('message.posting', ({ access }) => {
    if (access.room.disabled) return { code: 'ERR_XCCOS_NODE_DISABLED', reason: 'the room is disabled' };
    if (!access.rights.join) return { code: 'ERR_XCCOS_PERMISSION', reason: 'not allowed in the room' };
    return undefined;
  });
}
