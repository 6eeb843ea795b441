/** `sip:alice@example.com` → `alice` (the Digest user name, RFC 3261 §22.4). */
export function sipUserPart(sipUri: string): string {
  const rest = sipUri.replace(/^sips?:/i, '');
  const at = rest.indexOf('@');
  return at === -1 ? rest : rest.slice(0, at);
}

export function normalizeSipUri(sipUri: string): string {
  return sipUri.trim().toLowerCase();
}
