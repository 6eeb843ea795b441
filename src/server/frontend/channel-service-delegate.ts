/**
 * Plugs the Channel service into the front end's ChannelDelegate: one Channel session per chat
 * dialog; command bodies (already answered SIP 200) and posts (answered with the status the
 * service returns, once durable) go to `handleInfo`; a closed dialog parts its user everywhere.
 */
import type { ChannelService } from '../services/channel/channel-service.js';
import type { ChannelSession } from '../services/channel/channel-session.js';
import type { ChannelDelegate } from './channel-delegate.js';

export function createChannelServiceDelegate(channel: ChannelService): ChannelDelegate {
  const sessions = new Map<string, ChannelSession>();
  return {
    onSessionOpened(session) {
      sessions.set(
        session.id,
        channel.openSession({
          id: session.id,
          userUri: session.userUri,
          send: (envelope, done) => session.sendXccos(envelope, done),
          end: () => session.end(),
        }),
      );
    },
    onCommand(session, command, parsed) {
      const s = sessions.get(session.id);
      if (s) void channel.handleInfo(s, command.body, parsed);
    },
    onPost(session, body, parsed) {
      const s = sessions.get(session.id);
      // No Channel session for this dialog: RFC 3261 481 makes SIPE start over (XCCOS.md §2.9).
      return s ? channel.handleInfo(s, body, parsed) : 481;
    },
    onSessionClosed(session, reason) {
      const s = sessions.get(session.id);
      sessions.delete(session.id);
      if (s) void channel.closeSession(s, reason);
    },
  };
}
