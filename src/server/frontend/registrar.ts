/**
 * REGISTER (RFC 3261 §10.3, XCCOS.md §2.2): Digest through the authenticator, bindings with
 * expiry, and the 200 OK shape Lync-family clients need — a non-zero `Expires` header,
 * `Supported: msrtc-event-categories` on its own line, `Allow-Events:
 * vnd-microsoft-provisioning-v2` (lists written without spaces), `ms-keep-alive` when offered.
 */
import { splitHeaderLines } from '../transport/sip/codec/headers/split-header-list.js';
import { headerValue, headerValues, type SipHeader, type SipRequest } from '../transport/sip/codec/sip-message.js';
import type { SipConnection } from '../transport/sip/endpoint/sip-connection.js';
import type { ServerTransaction } from '../transport/sip/transactions/server-transaction.js';
import type { FrontendCounters } from './frontend-counters.js';
import { PROVISIONING_EVENT } from './provisioning-document.js';
import type { RegistrationTable } from './registration-table.js';
import { headerAor, refuse, type Authenticator } from './sip-authenticator.js';

export interface RegistrarOptions {
  readonly domain: string;
  readonly defaultExpires: number;
  readonly minExpires: number;
  readonly maxExpires: number;
  /** `ms-keep-alive` timeout we ask for (seconds). */
  readonly keepAliveSeconds: number;
  readonly now: () => number;
}

export interface Registrar {
  handle(request: SipRequest, tx: ServerTransaction, connection: SipConnection): void;
}

export function createRegistrar(
  options: RegistrarOptions,
  deps: { auth: Authenticator; registrations: RegistrationTable; counters: FrontendCounters },
): Registrar {
  const domain = options.domain.toLowerCase();
  return {
    handle(request, tx, connection) {
      const aor = headerAor(request, 'To');
      if (!aor || !aor.endsWith(`@${domain}`)) {
        refuse(tx, 'ERR_SIP_UNKNOWN_TARGET', [], `Not a user of ${options.domain}`);
        return;
      }
      const identity = deps.auth.identify(request, tx, connection, aor);
      if (!identity) return;
      const callId = headerValue(request, 'Call-ID') ?? '';
      const contacts = splitHeaderLines(headerValues(request, 'Contact'));
      const requested = requestedExpires(request, contacts);
      if (requested === 0 || contacts.some((c) => c.trim() === '*')) {
        deps.registrations.remove(connection, callId);
        deps.counters.unregisters++;
        tx.reply(200, { headers: [{ name: 'Expires', value: '0' }] });
        return;
      }
      const wanted = requested ?? options.defaultExpires;
      if (wanted < options.minExpires) {
        // RFC 3261 §10.3 step 7: too brief → 423 with Min-Expires.
        tx.reply(423, {
          reason: 'Interval Too Brief',
          headers: [{ name: 'Min-Expires', value: String(options.minExpires) }],
        });
        return;
      }
      const expires = Math.min(wanted, options.maxExpires);
      deps.registrations.upsert({
        aor: identity.sipUri,
        callId,
        connection,
        contacts,
        expiresAt: options.now() + expires * 1000,
      });
      deps.counters.registersAccepted++;
      const headers: SipHeader[] = contacts.map((c) => ({ name: 'Contact', value: withExpires(c, expires) }));
      headers.push(
        { name: 'Expires', value: String(expires) },
        // XCCOS.md §10 item 7: on its own line, or SIPE stays in OCS 2005 mode.
        { name: 'Supported', value: 'msrtc-event-categories' },
        // XCCOS.md §10 item 8: SIPE splits on ',' without trimming; never list roaming events.
        { name: 'Allow-Events', value: PROVISIONING_EVENT },
      );
      if (headerValue(request, 'ms-keep-alive') !== undefined) {
        headers.push({
          name: 'ms-keep-alive',
          value: `UAS; tcp=no; hop-hop=yes; end-end=no; timeout=${options.keepAliveSeconds}`,
        });
      }
      tx.reply(200, { headers });
    },
  };
}

/** `Expires` header, else the first Contact's `expires` parameter (RFC 3261 §10.2.1.1). */
function requestedExpires(request: SipRequest, contacts: readonly string[]): number | undefined {
  const header = headerValue(request, 'Expires');
  if (header !== undefined && /^\s*\d+\s*$/.test(header)) return Number(header);
  for (const c of contacts) {
    const m = /;\s*expires\s*=\s*(\d+)/i.exec(c.slice(c.lastIndexOf('>') + 1));
    if (m?.[1]) return Number(m[1]);
  }
  return undefined;
}

function withExpires(contact: string, expires: number): string {
  const gt = contact.lastIndexOf('>');
  const head = gt < 0 ? contact : contact.slice(0, gt + 1);
  const params = (gt < 0 ? '' : contact.slice(gt + 1)).replace(/;\s*expires\s*=\s*\d+/gi, '');
  return `${head}${params};expires=${expires}`;
}
