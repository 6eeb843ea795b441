/**
 * Message → bytes. Always full header names (XCCOS.md §10 item 5) and always a Content-Length
 * computed from the body's byte length, written last (§10 item 6); any Content-Length in the
 * header list is ignored. One allocation per message: the head is written straight into the
 * buffer that also receives the body (this runs once per delivered room message).
 */
import { canonicalHeaderName } from './header-names.js';
import type { SipMessage } from './sip-message.js';

export function serializeMessage(message: SipMessage): Buffer {
  let head =
    message.kind === 'request'
      ? `${message.method} ${message.uri} SIP/2.0\r\n`
      : `SIP/2.0 ${message.status} ${message.reason}\r\n`;
  for (const h of message.headers) {
    const name = canonicalHeaderName(h.name);
    if (name === 'Content-Length') continue;
    head += `${name}: ${sanitize(h.value)}\r\n`;
  }
  head += `Content-Length: ${message.body.length}\r\n\r\n`;
  const encoding = message.nonUtf8Headers ? 'latin1' : 'utf8';
  if (message.body.length === 0) return Buffer.from(head, encoding);
  const headLength = Buffer.byteLength(head, encoding);
  const out = Buffer.allocUnsafe(headLength + message.body.length);
  out.write(head, 0, encoding);
  message.body.copy(out, headLength);
  return out;
}

/** A header value must not smuggle a line break into the message. */
function sanitize(value: string): string {
  return value.indexOf('\r') < 0 && value.indexOf('\n') < 0 ? value : value.replace(/[\r\n]+/g, ' ');
}
