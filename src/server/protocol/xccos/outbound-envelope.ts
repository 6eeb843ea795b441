/**
 * What the server hands to an endpoint to send: a complete envelope, or an envelope serialized
 * once whose `envid` is written in at send time. A room message goes to every joined endpoint,
 * each copy in its own envelope with its own server envid (XCCOS.md §2.10, §9 item 4); the
 * template keeps that down to one serialization and one UTF-8 encoding per message.
 */
import type { GrpchatMessage } from './commands/grpchat.js';
import { serializeRoomMessage } from './serialize-reply.js';

export interface EnvelopeTemplate {
  /** UTF-8 bytes up to and including `envid="`. */
  readonly head: Buffer;
  /** UTF-8 bytes from the closing quote of the envid on. */
  readonly tail: Buffer;
}

export type OutboundEnvelope = string | EnvelopeTemplate;

const PLACEHOLDER = 'envid="0"';

/** The room message delivery (`serializeRoomMessage`) as a template. */
export function roomMessageTemplate(message: GrpchatMessage): EnvelopeTemplate {
  const xml = serializeRoomMessage('0', message);
  // The envelope's attributes come first; no content precedes them, so the first match is ours.
  const at = xml.indexOf(PLACEHOLDER);
  return {
    head: Buffer.from(xml.slice(0, at + PLACEHOLDER.length - 2), 'utf8'),
    tail: Buffer.from(xml.slice(at + PLACEHOLDER.length - 1), 'utf8'),
  };
}

/** The envelope as text with `envid` filled in (tests, logs, transports without templates). */
export function envelopeText(envelope: OutboundEnvelope, envid: string): string {
  return typeof envelope === 'string'
    ? envelope
    : `${envelope.head.toString('utf8')}${envid}${envelope.tail.toString('utf8')}`;
}
