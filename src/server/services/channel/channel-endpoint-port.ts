/**
 * What the Channel service needs from a chat dialog (XCCOS.md §9 item 5: one endpoint per dialog).
 * The SIP front end adapts its dialogs to this; tests can drive the service with any implementation
 * that carries real XCCOS bodies.
 */
export interface ChannelEndpoint {
  /** Unique per dialog. */
  readonly id: string;
  /** `sip:alice@example.com`. */
  readonly userUri: string;
  /**
   * Send one XCCOS document in a server → client INFO. Resolves true on a 2xx; false means the
   * dialog is dead (XCCOS.md §2.9).
   */
  send(xml: string): Promise<boolean>;
  /** End the dialog from the server side (BYE). */
  end(): void;
}
