/**
 * The SIP addresses the front end answers for (XCCOS.md §2.4): the OCS-style lookup URI, the
 * provisioned pool URI, and the chat endpoint (Channel service) URI returned by `cmd:requri`.
 */
export interface ChatUris {
  readonly domain: string;
  /** `sip:ocschat@{domain}`: SIPE's default lookup target. */
  readonly lookup: string;
  /** `DefaultPersistentChatPoolUri` (real pools look like `GC-1-PersistentChatService-1`). */
  readonly pool: string;
  /** The Channel service dialog target, `uib/@uri` in `rpl:requri`. */
  readonly chat: string;
}

export type ChatTarget = 'lookup' | 'pool' | 'chat';

export function chatUris(domain: string): ChatUris {
  return {
    domain,
    lookup: `sip:ocschat@${domain}`,
    pool: `sip:GC-1-PersistentChatService-1@${domain}`,
    chat: `sip:parlance-chat@${domain}`,
  };
}

/** Which of our addresses an address-of-record (`sip:user@host`, any case) names, if any. */
export function classifyTarget(uris: ChatUris, aor: string): ChatTarget | undefined {
  const a = aor.toLowerCase();
  if (a === uris.chat.toLowerCase()) return 'chat';
  if (a === uris.pool.toLowerCase()) return 'pool';
  if (a === uris.lookup.toLowerCase()) return 'lookup';
  return undefined;
}
