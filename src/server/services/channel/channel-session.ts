/**
 * One chat dialog as the Channel service sees it: the endpoint, the signed-in user, the rooms it
 * has joined, its bounded outbound queue and the promise chain that keeps its commands in order.
 */
import type { ComplianceEventInput } from '../compliance/compliance-event.js';
import type { ChannelEndpoint } from './channel-endpoint-port.js';
import type { OutboundQueue } from './outbound-queue.js';

export interface ChannelSession {
  readonly endpoint: ChannelEndpoint;
  /** Lower-case SIP URI. */
  readonly userUri: string;
  readonly user: ComplianceEventInput['user'];
  readonly queue: OutboundQueue;
  readonly rooms: Set<string>;
  /** Commands run one after another per dialog, so replies keep the commands' order. */
  chain: Promise<void>;
  closed: boolean;
}

export type SessionEndReason = 'bye' | 'expired' | 'info-failed' | 'connection-closed' | 'server-stopping' | 'overflow';
