/**
 * `cmd:getserverinfo` → `rpl:getserverinfo` (XCCOS.md §6.2): server limits and the root category.
 * The Lync 2013 client's first command [documented]. `infoType` (a bit mask, `123` is the only value
 * seen) is echoed as written. Reply id `rpl:getserverinfo` per [MS-OCSPROT] (not `rpl:getservinfo`).
 */
import { optionalAttribute, requireAttribute, requireIntegerAttribute } from '../blocks/payload.js';
import type { PayloadCodec } from '../blocks/payload-codec.js';
import { childElement } from '../xml/xml-tree.js';
import { xmlElement } from '../xml/xml-write.js';

export interface GetserverinfoCommandPayload {
  readonly domain?: string;
  readonly infoType?: string;
}

export const GETSERVERINFO_COMMAND_CODEC: PayloadCodec<GetserverinfoCommandPayload> = {
  parse: (data) => {
    const sib = childElement(data, 'sib');
    if (sib === undefined) return {};
    const domain = optionalAttribute(sib, 'domain');
    const infoType = optionalAttribute(sib, 'infoType');
    return { ...(domain !== undefined && { domain }), ...(infoType !== undefined && { infoType }) };
  },
  serialize: (cmd) =>
    cmd.domain === undefined && cmd.infoType === undefined
      ? ''
      : xmlElement('sib', [
          ['domain', cmd.domain],
          ['infoType', cmd.infoType],
        ]),
};

export interface ServerInfo {
  readonly infoType?: string;
  /** Server time in the 7-digit form (lets clients correct clock skew). */
  readonly serverTime: string;
  /** Maximum results for any query. */
  readonly searchLimit: number;
  /** Maximum bytes in a chat message. */
  readonly messageSizeLimit: number;
  /** Maximum bytes in a story. */
  readonly storySizeLimit: number;
  /** Root category URI, `ma-cat://{domain}/{GUID}`. */
  readonly rootUri: string;
  /** Database version GUID. */
  readonly dbVersion: string;
}

export interface GetserverinfoReplyData {
  readonly sib?: ServerInfo;
}

const MAX = 2 ** 31 - 1;

export const GETSERVERINFO_REPLY_CODEC: PayloadCodec<GetserverinfoReplyData> = {
  parse: (data) => {
    const sib = childElement(data, 'sib');
    if (sib === undefined) return {};
    const infoType = optionalAttribute(sib, 'infoType');
    return {
      sib: {
        ...(infoType !== undefined && { infoType }),
        serverTime: requireAttribute(sib, 'serverTime'),
        searchLimit: requireIntegerAttribute(sib, 'searchLimit', 0, MAX),
        messageSizeLimit: requireIntegerAttribute(sib, 'messageSizeLimit', 0, MAX),
        storySizeLimit: requireIntegerAttribute(sib, 'storySizeLimit', 0, MAX),
        rootUri: requireAttribute(sib, 'rootUri'),
        dbVersion: requireAttribute(sib, 'dbVersion'),
      },
    };
  },
  serialize: ({ sib }) =>
    sib === undefined
      ? ''
      : xmlElement('sib', [
          ['infoType', sib.infoType],
          ['serverTime', sib.serverTime],
          ['searchLimit', String(sib.searchLimit)],
          ['messageSizeLimit', String(sib.messageSizeLimit)],
          ['storySizeLimit', String(sib.storySizeLimit)],
          ['rootUri', sib.rootUri],
          ['dbVersion', sib.dbVersion],
        ]),
};
