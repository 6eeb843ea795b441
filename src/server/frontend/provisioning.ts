/**
 * SUBSCRIBE (XCCOS.md §2.3): `vnd-microsoft-provisioning-v2` is answered once, with the data
 * piggy-backed in the 200 (`ms-piggyback-cseq`) — never a NOTIFY as well, because every document
 * SIPE processes restarts its chat-server discovery. `Proxy-Require: ms-benotify` is accepted
 * (§10 item 4). Other events get a one-shot 200 (`Expires: 0`) and nothing more (§2.12).
 */
import { parseCSeq } from '../transport/sip/codec/headers/cseq.js';
import { headerValue, type SipRequest } from '../transport/sip/codec/sip-message.js';
import type { ServerTransaction } from '../transport/sip/transactions/server-transaction.js';
import type { ChatUris } from './chat-uris.js';
import type { FrontendCounters } from './frontend-counters.js';
import { PROVISIONING_CONTENT_TYPE, PROVISIONING_EVENT, provisioningDocument } from './provisioning-document.js';
import type { Identity } from './registration-table.js';

export interface ProvisioningDeps {
  readonly uris: ChatUris;
  readonly counters: FrontendCounters;
  chatEnabled(identity: Identity): boolean;
  /** Room-management web application URL (the console), or null. */
  webManagerUrl(): string | null;
}

export function answerSubscribe(
  request: SipRequest,
  tx: ServerTransaction,
  identity: Identity,
  deps: ProvisioningDeps,
): void {
  const event = (headerValue(request, 'Event') ?? '').split(';')[0]!.trim().toLowerCase();
  if (event !== PROVISIONING_EVENT) {
    tx.reply(200, { headers: [{ name: 'Expires', value: '0' }] });
    return;
  }
  const web = deps.webManagerUrl();
  const body = provisioningDocument({
    enablePersistentChat: deps.chatEnabled(identity),
    defaultPoolUri: deps.uris.pool,
    poolUris: [deps.uris.pool],
    webManagerUriInt: web,
    webManagerUriExt: web,
  });
  deps.counters.provisioningAnswers++;
  tx.reply(200, {
    headers: [
      { name: 'Event', value: PROVISIONING_EVENT },
      { name: 'Expires', value: '0' },
      { name: 'ms-piggyback-cseq', value: String(parseCSeq(headerValue(request, 'CSeq') ?? '')?.seq ?? 1) },
      { name: 'Content-Type', value: PROVISIONING_CONTENT_TYPE },
    ],
    body: Buffer.from(body),
  });
}
