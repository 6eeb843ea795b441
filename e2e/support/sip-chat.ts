/**
 * The scripted XCCOS-over-TCP-SIP client of the channel transcript tests (Digest REGISTER, INVITE
 * to the chat URI, INFO grpchat), reused by the console e2e to post as a real SIP user.
 */
export {
  CHAT_URI,
  connectChatClient,
  type SipChatClient,
} from '../../src/server/channel-e2e/sip-chat-client.test-support';

/** `<chanid>` for a room URI (`ma-chan://{domain}/{id}`), as `cmd:join` expects it (XCCOS.md §6). */
export function chanid(roomUri: string): string {
  const match = /^ma-chan:\/\/([^/]+)\/(.+)$/.exec(roomUri);
  if (!match) throw new Error(`not a room URI: ${roomUri}`);
  return `<chanid key="0" domain="${match[1]}" value="${match[2]}"/>`;
}
