/**
 * `grpchat` (XCCOS.md §3.5, §6.12): a post (client → server) and a delivery (server → each joined
 * endpoint, the author included). Directly under `<xccos>`, one per envelope. The message block is
 * blocks/room-message.ts (plain text, alerts, stories, room and file links in the text, unknown
 * parts passed on unchanged).
 */
import { parseRoomMessage, serializeRoomMessage, type RoomMessage } from '../blocks/room-message.js';
import { optionalAttribute } from '../blocks/payload.js';
import type { XmlElement } from '../xml/xml-tree.js';

export interface GrpchatMessage extends RoomMessage {
  /** Always `1` in every sample [observed]. */
  readonly seqid: string;
}

export function parseGrpchat(element: XmlElement): GrpchatMessage {
  return { seqid: optionalAttribute(element, 'seqid') ?? '1', ...parseRoomMessage(element) };
}

export function serializeGrpchat(message: GrpchatMessage): string {
  const { seqid, ...rest } = message;
  return serializeRoomMessage(
    'grpchat',
    [
      ['id', 'grpchat'],
      ['seqid', seqid],
    ],
    rest,
  );
}
