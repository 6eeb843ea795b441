/**
 * Message → bytes. Always full header names (XCCOS.md §10 item 5) and always a Content-Length
 * computed from the body's byte length, written last (§10 item 6); any Content-Length in the
 * header list is ignored.
 */
import { canonicalHeaderName } from './header-names.js';
import type { SipMessage } from './sip-message.js';

export function serializeMessage(message: SipMessage): Buffer {
  const lines: string[] = [
    message.kind === 'request'
      ? `${message.method} ${message.uri} SIP/2.0`
      : `SIP/2.0 ${message.status} ${message.reason}`,
  ];
  for (const h of message.headers) {
    const name = canonicalHeaderName(h.name);
    if (name === 'Content-Length') continue;
    lines.push(`${name}: ${sanitize(h.value)}`);
  }
  lines.push(`Content-Length: ${message.body.length}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, message.nonUtf8Headers ? 'latin1' : 'utf8');
  return message.body.length === 0 ? head : Buffer.concat([head, message.body]);
}

/** A header value must not smuggle a line break into the message. */
function sanitize(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}
