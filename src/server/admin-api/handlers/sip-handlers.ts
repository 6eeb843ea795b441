import type { AdminOutput, AdminParsedInput } from '../contract.js';
import type { HandlersFor } from './handler-types.js';

/** What the SIP front end offers the admin API (implemented by frontend/sip-message-ring.ts). */
export interface SipMessageSource {
  recentMessages(query: AdminParsedInput<'sip.recentMessages'>): AdminOutput<'sip.recentMessages'>['items'];
}

export function sipHandlers(source: SipMessageSource | null): HandlersFor<'sip'> {
  return { 'sip.recentMessages': async (query) => ({ items: source ? source.recentMessages(query) : [] }) };
}
