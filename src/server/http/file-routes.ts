/**
 * File upload and download with XCCOS tokens (XCCOS.md §6.11, §8.4): `PUT` (or `POST`) the raw
 * bytes to `/PersistentChat/MGCWebService.asmx?token={GUID}`, `GET` the same path with a download
 * token. Errors are the usual `{ ok: false, error }` envelope with the catalogue's HTTP status.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ServerError } from '../errors/server-error.js';
import type { Logger } from '../log/logger.js';

export const FILE_ROUTE_PATH = '/PersistentChat/MGCWebService.asmx';
/** Transport cap; MaxFileSizeKB (checked by the file service) is the real limit. */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

export interface FileTransfers {
  upload(token: string, bytes: Uint8Array): Promise<{ fileId: string; link: string; name: string; size: number }>;
  download(token: string): Promise<{ name: string; bytes: Uint8Array }>;
}

function tokenOf(request: FastifyRequest): string {
  const token = (request.query as Record<string, unknown>).token;
  if (typeof token !== 'string' || token === '') throw new ServerError('ERR_FILE_TOKEN_INVALID');
  return token;
}

export function registerFileRoutes(app: FastifyInstance, deps: { files: FileTransfers; logger: Logger }): void {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    const upload = async (request: FastifyRequest, reply: FastifyReply) => {
      const body = request.body;
      const bytes = Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array();
      const result = await deps.files.upload(tokenOf(request), bytes);
      deps.logger.info('file uploaded', { fileId: result.fileId, size: result.size });
      return reply.code(201).send({ ok: true, value: result });
    };
    scope.put(FILE_ROUTE_PATH, { bodyLimit: MAX_UPLOAD_BYTES }, upload);
    scope.post(FILE_ROUTE_PATH, { bodyLimit: MAX_UPLOAD_BYTES }, upload);
    scope.get(FILE_ROUTE_PATH, async (request, reply) => {
      const { name, bytes } = await deps.files.download(tokenOf(request));
      return reply
        .header('Content-Type', 'application/octet-stream')
        .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(Buffer.from(bytes));
    });
  });
}
