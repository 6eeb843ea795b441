/**
 * What the Channel service needs from a chat dialog (XCCOS.md §9 item 5: one endpoint per dialog).
 * The SIP front end adapts its dialogs to this; tests can drive the service with any implementation
 * that carries real XCCOS bodies.
 */
import type { OutboundEnvelope } from '../../protocol/xccos/outbound-envelope.js';

export interface ChannelEndpoint {
  /** Unique per dialog. */
  readonly id: string;
  /** `sip:alice@example.com`. */
  readonly userUri: string;
  /**
   * Send one XCCOS envelope in a server → client INFO (a template gets its envid at send time).
   * `done(true)` on a 2xx; `done(false)` means the dialog is dead (XCCOS.md §2.9).
   */
  send(envelope: OutboundEnvelope, done: (ok: boolean) => void): void;
  /** End the dialog from the server side (BYE). */
  end(): void;
}
