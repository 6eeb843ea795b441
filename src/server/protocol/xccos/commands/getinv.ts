/**
 * `cmd:getinv` → `rpl:getinv` (XCCOS.md §6.9): pending invitations. SIPE sends it once per chat
 * dialog with `inviteId="1"`, meaning (most likely) "invitations newer than this id" [inferred].
 * Ids are per-user sequence numbers, kept as decimal strings.
 *
 * Reply: unknown on the wire (SIPE ignores it). Parlance form [inferred]: one
 * `<inv inviteId domain ts><chanib uri name description/></inv>` per invitation; none = `<data/>`.
 */
import { optionalAttribute, requireAttribute, requireChild } from '../blocks/payload.js';
import type { PayloadCodec } from '../blocks/payload-codec.js';
import { childElements } from '../xml/xml-tree.js';
import { xmlElement } from '../xml/xml-write.js';

export interface GetinvCommandPayload {
  readonly inviteId: string;
  readonly domain: string;
}

export const GETINV_COMMAND_CODEC: PayloadCodec<GetinvCommandPayload> = {
  parse: (data) => {
    const inv = requireChild(data, 'inv');
    return { inviteId: requireAttribute(inv, 'inviteId'), domain: requireAttribute(inv, 'domain') };
  },
  serialize: (cmd) =>
    xmlElement('inv', [
      ['inviteId', cmd.inviteId],
      ['domain', cmd.domain],
    ]),
};

export interface Invitation {
  readonly inviteId: string;
  readonly domain: string;
  /** Creation time, 7-digit server form. */
  readonly ts?: string;
  readonly roomUri: string;
  readonly roomName?: string;
  readonly roomDescription?: string;
}

export interface GetinvReplyData {
  readonly invitations: readonly Invitation[];
}

export const GETINV_REPLY_CODEC: PayloadCodec<GetinvReplyData> = {
  parse: (data) => ({
    invitations: childElements(data, 'inv').map((inv) => {
      const chanib = requireChild(inv, 'chanib');
      const ts = optionalAttribute(inv, 'ts');
      const roomName = optionalAttribute(chanib, 'name');
      const roomDescription = optionalAttribute(chanib, 'description');
      return {
        inviteId: requireAttribute(inv, 'inviteId'),
        domain: requireAttribute(inv, 'domain'),
        ...(ts !== undefined && { ts }),
        roomUri: requireAttribute(chanib, 'uri'),
        ...(roomName !== undefined && { roomName }),
        ...(roomDescription !== undefined && { roomDescription }),
      };
    }),
  }),
  serialize: ({ invitations }) =>
    invitations
      .map((inv) =>
        xmlElement(
          'inv',
          [
            ['inviteId', inv.inviteId],
            ['domain', inv.domain],
            ['ts', inv.ts],
          ],
          xmlElement('chanib', [
            ['uri', inv.roomUri],
            ['name', inv.roomName],
            ['description', inv.roomDescription],
          ]),
        ),
      )
      .join(''),
};
