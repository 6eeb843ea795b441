/**
 * Auditorium rooms (LYNC.md §2.3): everyone who may enter reads; only presenters post, and a
 * presenter must also be a member. Hooks `message.posting`.
 */
import type { ChannelHooks } from '../channel-events.js';

export function registerAuditorium(hooks: ChannelHooks): void {
  hooks.on('message.posting', ({ access }) => {
    if (access.room.type !== 'auditorium' || access.rights.post) return undefined;
    return { code: 'ERR_XCCOS_PERMISSION', reason: 'only presenters post in an auditorium room' };
  });
}
