/**
 * The only body format the HTTP API accepts: JSON (`application/json`, any charset). An empty
 * body is `{}`; malformed JSON is `ERR_ADMIN_BAD_REQUEST`. Other content types are refused with
 * 415 by Fastify, which also keeps simple cross-site form posts out.
 */
import type { FastifyInstance } from 'fastify';
import { ServerError } from '../errors/server-error.js';

export function registerJsonBody(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(/^application\/(.+\+)?json(;.*)?$/i, { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, {});
      return;
    }
    try {
      done(null, JSON.parse(text) as unknown);
    } catch (cause) {
      done(
        new ServerError(
          'ERR_ADMIN_BAD_REQUEST',
          `The request body is not valid JSON: ${(cause as Error).message}`,
          undefined,
          { cause },
        ),
        undefined,
      );
    }
  });
}
