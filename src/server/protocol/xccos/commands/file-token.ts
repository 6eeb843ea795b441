/**
 * `cmd:getfutok` (upload) and `cmd:getfdtok` (download) → **`rpl:getftok`** (XCCOS.md §6.11)
 * [observed, captured SfB 2015 traffic]. Request `<ftdb channelUri fileUrl/>`; reply
 * `<token token="{GUID}" serveruri="https://…/PersistentChat/MGCWebService.asmx"/>`. Tokens are tied
 * to one user and one room and expire after 30 minutes [documented].
 */
import { optionalAttribute, requireAttribute, requireChild } from '../blocks/payload.js';
import type { PayloadCodec } from '../blocks/payload-codec.js';
import { childElement } from '../xml/xml-tree.js';
import { xmlElement } from '../xml/xml-write.js';

/** Both file-token commands are answered with this reply id. */
export const FILE_TOKEN_REPLY_ID = 'rpl:getftok';

export interface FileTokenCommandPayload {
  readonly channelUri: string;
  /** The file name. */
  readonly fileUrl: string;
}

export const FILE_TOKEN_COMMAND_CODEC: PayloadCodec<FileTokenCommandPayload> = {
  parse: (data) => {
    const ftdb = requireChild(data, 'ftdb');
    return { channelUri: requireAttribute(ftdb, 'channelUri'), fileUrl: requireAttribute(ftdb, 'fileUrl') };
  },
  serialize: (cmd) =>
    xmlElement('ftdb', [
      ['channelUri', cmd.channelUri],
      ['fileUrl', cmd.fileUrl],
    ]),
};

export interface FileTokenReplyData {
  readonly token?: string;
  /** HTTP(S) URL of the upload/download endpoint. */
  readonly serverUri?: string;
}

export const FILE_TOKEN_REPLY_CODEC: PayloadCodec<FileTokenReplyData> = {
  parse: (data) => {
    const token = childElement(data, 'token');
    if (token === undefined) return {};
    const serverUri = optionalAttribute(token, 'serveruri');
    return { token: requireAttribute(token, 'token'), ...(serverUri !== undefined && { serverUri }) };
  },
  serialize: (reply) =>
    reply.token === undefined
      ? ''
      : xmlElement('token', [
          ['token', reply.token],
          ['serveruri', reply.serverUri],
        ]),
};
